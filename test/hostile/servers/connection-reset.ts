/** Resets (TCP RST) every connection as soon as a request arrives. */
import { rawServer } from './hostile-server.js';

export const startConnectionReset = () => rawServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
