// Where things are, whatever folder the project was cloned into.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const binOf = (name) => path.join(projectRoot, "node_modules", ".bin", name);
