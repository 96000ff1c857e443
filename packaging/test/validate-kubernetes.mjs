// Validates every Kubernetes manifest in the given export folders with the npm package kubernetes-models, an
// implementation of the Kubernetes API schemas independent of the Java client models the export tests use.
// Usage: node validate-kubernetes.mjs NODE_MODULES_PARENT EXPORT_DIR...
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [tools, ...folders] = process.argv.slice(2);
const require = createRequire(resolve(tools, "package.json"));
const { parseAllDocuments } = require("yaml");
let valid = 0;
let invalid = 0;
for (const folder of folders) {
  const files = readdirSync(folder).filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml").sort();
  for (const file of files) {
    for (const document of parseAllDocuments(readFileSync(join(folder, file), "utf8"))) {
      const manifest = document.toJS();
      if (!manifest) continue;
      const where = `${join(folder, file)}: ${manifest.apiVersion}/${manifest.kind} ${manifest.metadata?.name}`;
      try {
        const model = resolve(tools, "node_modules/kubernetes-models", manifest.apiVersion, `${manifest.kind}.js`);
        const Kind = (await import(pathToFileURL(model).href))[manifest.kind];
        new Kind(manifest).validate();
        valid++;
      } catch (error) {
        invalid++;
        console.error(`${where}: ${error.message}`);
      }
    }
  }
}
console.log(`kubernetes-models: ${valid} manifests valid, ${invalid} invalid`);
process.exit(invalid === 0 && valid > 0 ? 0 : 1);
