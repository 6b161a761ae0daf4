// Certificates for the tests' TLS stand-ins (a TLS-only MariaDB, an https proxy): a CA, a server
// certificate for 127.0.0.1 and localhost signed by it, and a second CA that signed nothing.
// Made with the system's openssl into a folder the caller owns.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";

export type TestCertificates = {
  caFile: string;
  certFile: string;
  keyFile: string;
  /** A CA that signed nothing here: verifying the server against it must fail. */
  otherCaFile: string;
  /** base64 SHA-256 of the server key's SubjectPublicKeyInfo, for Chromium's --ignore-certificate-errors-spki-list. */
  spki: string;
};

const openssl = (dir: string, args: string[], input?: Buffer) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe", input });

export function makeTestCertificates(dir: string): TestCertificates {
  for (const name of ["ca", "other-ca"]) {
    openssl(dir, [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-subj",
      `/CN=PixelPatchwork test ${name}`,
      "-keyout",
      `${name}.key`,
      "-out",
      `${name}.pem`,
    ]);
  }
  openssl(dir, ["req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key", "-out", "server.csr"]);
  writeFileSync(path.join(dir, "san.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
  openssl(dir, [
    "x509",
    "-req",
    "-in",
    "server.csr",
    "-CA",
    "ca.pem",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-days",
    "2",
    "-extfile",
    "san.cnf",
    "-out",
    "server.pem",
  ]);
  const pub = openssl(dir, ["x509", "-pubkey", "-noout", "-in", "server.pem"]);
  const der = openssl(dir, ["pkey", "-pubin", "-outform", "der"], pub);
  const spki = openssl(dir, ["dgst", "-sha256", "-binary"], der).toString("base64");
  return {
    caFile: path.join(dir, "ca.pem"),
    certFile: path.join(dir, "server.pem"),
    keyFile: path.join(dir, "server.key"),
    otherCaFile: path.join(dir, "other-ca.pem"),
    spki,
  };
}
