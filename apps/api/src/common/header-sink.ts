/** The part of the (express) response a controller needs to add headers: the body stays Nest's. */
export interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}
