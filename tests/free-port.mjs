// A free TCP port on loopback, picked by the system (other checkouts may run suites at once).
// Shared by the e2e specs, the engine journeys and the Lighthouse benchmark.
import { createServer } from "node:net";

export const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
