// What the caniemail data (through @jsx-email/doiuse-email) says of e-mail HTML files:
//   node caniemail.mjs "gmail.*,outlook.windows" FILE...
// prints one JSON object, {file: {errors: [...], warnings: [...]}}, the clients being globs of
// the data's names. Run by tests/mail/test_clients.py.
import { readFileSync } from "node:fs";
import { doIUseEmail } from "@jsx-email/doiuse-email";

const [clients, ...files] = process.argv.slice(2);
const report = {};
for (const file of files) {
  const result = doIUseEmail(readFileSync(file, "utf8"), { emailClients: clients.split(",") });
  report[file] = { errors: result.errors ?? [], warnings: result.warnings ?? [] };
}
process.stdout.write(JSON.stringify(report));
