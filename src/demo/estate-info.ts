// Addresses and paths of a running demo estate: what the config renderer and the estate share.

/** Where one demo HTTP service lives. */
export interface DemoServiceInfo {
  name: string;
  port: number;
  url: string;
  logFile: string;
  /** Environment variable holding its URL, e.g. `CHECKOUT_URL`. */
  urlEnv: string;
}

/** Addresses and paths of a running estate, for tests, the CLI and the config. */
export interface DemoEstateInfo {
  dir: string;
  logDir: string;
  timelineDir: string;
  runbook: string;
  controlUrl: string;
  webhookUrl: string;
  /** The demo's Alertmanager-compatible endpoint (its alerts follow the services). */
  alertmanagerUrl: string;
  database: { name: string; host: string; port: number };
  services: DemoServiceInfo[];
}
