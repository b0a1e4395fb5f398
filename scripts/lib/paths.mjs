// Where things are, whatever folder the project was cloned into.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Local state (clusters, logs): `.local/`, or ATAS_STATE_DIR for tests of start-up itself. */
export const stateDir = process.env.ATAS_STATE_DIR ? path.resolve(process.env.ATAS_STATE_DIR) : path.join(projectRoot, ".local");
export const binOf = (name) => path.join(projectRoot, "node_modules", ".bin", name);
