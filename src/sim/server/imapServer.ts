// The conformance harness reads the model's header size from this path.
export { headerBytes } from './imap/commands';
