// The demo estate's public face: what `warroom demo` and the tests use.
export { startDemoEstate } from './estate.js';
export type { DemoEstate, DemoEstateInfo, DemoEstateOptions, DemoServiceInfo } from './estate.js';
export type { ReceivedPage } from './webhook-sink.js';
export type { ServicePhase } from './behaviour.js';
