// The demo estate's public face: what `warroom demo` and the tests use.
export { startDemoEstate } from './estate.js';
export type { DemoEstate, DemoEstateOptions } from './estate.js';
export type { DemoEstateInfo, DemoServiceInfo } from './estate-info.js';
export type { ReceivedPage } from './webhook-sink.js';
export type { ServicePhase } from './behaviour.js';
