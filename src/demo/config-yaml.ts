// The demo estate written down as an ordinary warroom.yaml, with comments, so `warroom demo
// --print-config` doubles as a worked example of the config format. Ports and paths are this
// run's real ones; nothing here is special to the demo except that it was generated.
import type { DemoEstateInfo } from './estate-info.js';
import { shellWord } from './locations.js';

/** The warroom.yaml text for a running estate; `ctl` is the argv that runs the control command. */
export function renderDemoConfig(info: DemoEstateInfo, ctl: string[]): string {
  const checkout = info.services.find((s) => s.name === 'checkout-api') ?? info.services[0]!;
  const payments = info.services.find((s) => s.name === 'payments') ?? checkout;
  const ctlCommand = ctl.map(shellWord).join(' ');
  const lines: string[] = [
    '# warroom demo: the configuration of the built-in demo estate.',
    '# It was generated for this run: the ports are ephemeral and change every time, but the text',
    '# is an ordinary warroom.yaml. Save it (warroom demo --print-config > warroom.yaml), point it',
    '# at your own services, and `warroom` opens the same console on them.',
    '',
    'incident:',
    '  title: checkout-api errors and slow checkouts (demo)',
    '  severity: P2                          # P0 (worst) .. P4; drives the response target below',
    `  runbook: ${scalar(info.runbook)}`,
    '  responseTargets: { P0: 15m, P1: 15m, P2: 1h, P3: 4h, P4: 24h }',
    '',
    'services:',
  ];
  for (const service of info.services) {
    lines.push(
      `  - name: ${service.name}`,
      '    checks:',
      `      - http: ${scalar(`${service.url}/health`)}`,
      '        expect:',
      '          status: 200',
      '          json: { status: healthy }     # 200 with {"status":"degraded"} shows DEGRADED, not UP',
      '        interval: 2s                    # the demo moves fast; 5s is the default',
      '        timeout: 1s',
      '    logs:',
      `      - file: ${scalar(service.logFile)}   # followed like tail -F, rotation included`,
      '    actions:',
      '      restart:                          # R on its row, or :restart ' + service.name,
      `        run: ${scalar(`${ctlCommand} restart ${service.name} --control ${info.controlUrl}`)}`,
      '        confirm: yes                    # asks before running; `typed` makes you type the name',
      '        timeout: 30s',
    );
  }
  lines.push(
    `  - name: ${info.database.name.padEnd(30)}# a database that only speaks TCP`,
    '    checks:',
    `      - tcp: ${info.database.host}:${info.database.port}`,
    '        label: postgres (demo)',
    '        interval: 2s',
    '',
    '  - name: demo-host                     # command checks: exit code 0 is UP',
    '    checks:',
    `      - command: ${scalar(`test -d ${shellWord(info.logDir)}`)}`,
    '        label: log folder present',
    '        interval: 10s',
    '',
    'metrics:                                # no Prometheus here: every panel scrapes /metrics',
    '  range: 10m                            # window shown by the sparklines',
    '  step: 2s',
    '  panels:',
    `    - title: checkout 5xx/s`,
    `      scrape: ${scalar(`${checkout.url}/metrics`)}`,
    '      metric: http_requests_total       # a counter is shown as its per-second rate,',
    '      labels: { status: "500" }         #   summed over the series matching these labels',
    '      warn: 0.5',
    '      crit: 2',
    `    - title: checkout p95 latency`,
    `      scrape: ${scalar(`${checkout.url}/metrics`)}`,
    '      metric: http_request_duration_seconds',
    '      quantile: 0.95                    # a histogram is shown as this quantile',
    '      unit: seconds',
    '      warn: 0.5',
    '      crit: 2',
    `    - title: orders queue depth`,
    `      scrape: ${scalar(`${checkout.url}/metrics`)}`,
    '      metric: queue_size                # a gauge is shown as its value',
    '      labels: { queue: orders }',
    '      warn: 100',
    '      crit: 500',
    `    - title: checkout requests/s`,
    `      scrape: ${scalar(`${checkout.url}/metrics`)}`,
    '      metric: http_requests_total',
    `    - title: payments 5xx/s`,
    `      scrape: ${scalar(`${payments.url}/metrics`)}`,
    '      metric: http_requests_total',
    '      labels: { status: "500" }',
    '      warn: 0.5',
    '      crit: 2',
    '',
    'escalation:                             # paged in order while the incident is open; P pages now',
    '  policy:',
    '    - after: 0m',
    '      notify: oncall',
    '    - after: 5m',
    '      notify: tech-lead',
    '    - after: 15m',
    '      notify: eng-manager',
    '  contacts:                             # all go to the demo webhook sink on this machine',
  );
  for (const contact of ['oncall', 'tech-lead', 'eng-manager']) {
    lines.push(
      `    ${contact}:`,
      `      webhook: { url: ${scalar(`${info.webhookUrl}/page/${contact}`)}, headers: { X-Team: checkout } }`,
    );
  }
  lines.push(
    '',
    'alerts:                                 # A shows them; a acknowledges one as a silence',
    `  alertmanager: ${scalar(info.alertmanagerUrl)}   # the demo's own Alertmanager-compatible endpoint`,
    `  matchers: ['team="checkout"']`,
    '  interval: 2s',
    '',
    'timeline:',
    `  dir: ${scalar(info.timelineDir)}   # one folder per incident; warroom export reads it`,
    '',
  );
  return lines.join('\n');
}

// Plain when YAML reads it back unchanged, double-quoted (a JSON string is valid YAML) otherwise.
function scalar(value: string): string {
  return /^[\w/.][\w@%+=:,./ -]*$/.test(value) && !/: | #|\s$/.test(value) ? value : JSON.stringify(value);
}
