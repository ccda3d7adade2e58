/** Accepts connections and reads every byte, but never writes one. */
import { rawServer } from './hostile-server.js';

export const startNeverAnswering = () => rawServer((socket) => socket.resume());
