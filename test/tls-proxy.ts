// An https front door as operators run one: nginx from Debian's packages, terminating TLS on
// loopback and balancing round-robin over app instances, plus an https endpoint for the S3
// stand-in (a real bucket is https, and an https page upgrades http image URLs). Plain Node, for
// Playwright. A request may carry `x-test-upstream: <name>` to reach one instance, so a test can
// sign in through one and act through the other; responses say which served them (x-upstream).
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, spawnKept, stopChild } from "./processes";

export type TlsProxy = { appPort: number; s3Port: number; stop(): Promise<void> };

function config(
  dir: string,
  o: { certFile: string; keyFile: string; apps: Record<string, number>; s3Target: number; appPort: number; s3Port: number },
): string {
  const up = (name: string, ports: number[]) =>
    `upstream ${name} { ${ports.map((p) => `server 127.0.0.1:${p};`).join(" ")} keepalive 16; }`;
  const names = Object.keys(o.apps);
  const tls = `ssl_certificate ${o.certFile}; ssl_certificate_key ${o.keyFile}; ssl_protocols TLSv1.2 TLSv1.3;`;
  return `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp/body; proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi; uwsgi_temp_path ${dir}/tmp/uwsgi; scgi_temp_path ${dir}/tmp/scgi;
  client_max_body_size 50m;
  ${up("app_all", Object.values(o.apps))}
  ${names.map((n) => up(`app_${n}`, [o.apps[n]!])).join("\n  ")}
  map $http_x_test_upstream $app_pool { default app_all; ${names.map((n) => `${n} app_${n};`).join(" ")} }
  server {
    listen 127.0.0.1:${o.appPort} ssl;
    ${tls}
    location / {
      proxy_pass http://$app_pool;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Proto https;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_buffering off;
      add_header X-Upstream $upstream_addr always;
    }
  }
  server {
    listen 127.0.0.1:${o.s3Port} ssl;
    ${tls}
    location / {
      proxy_pass http://127.0.0.1:${o.s3Target};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_request_buffering off;
      proxy_buffering off;
    }
  }
}
`;
}

/** Starts nginx with `apps` (name → port) behind one https port and `s3Target` behind another. */
export async function startTlsProxy(o: {
  certFile: string;
  keyFile: string;
  apps: Record<string, number>;
  s3Target: number;
}): Promise<TlsProxy> {
  const dir = mkdtempSync(path.join(tmpdir(), "pp-nginx-"));
  // Workers run as an unprivileged user when we are root; they must be able to write temp files
  // (a request body over 16 KB is buffered to disk). chmod, since mkdir's mode passes the umask.
  chmodSync(dir, 0o755);
  for (const sub of ["tmp", "tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi"]) {
    mkdirSync(path.join(dir, sub));
    chmodSync(path.join(dir, sub), 0o777);
  }
  const [appPort, s3Port] = [await freePort(), await freePort()];
  writeFileSync(path.join(dir, "nginx.conf"), config(dir, { ...o, appPort, s3Port }));
  const { child, output } = spawnKept("/usr/sbin/nginx", [
    "-p",
    dir,
    "-c",
    path.join(dir, "nginx.conf"),
    "-e",
    path.join(dir, "error.log"),
  ]);
  const stop = async () => {
    await stopChild(child, "SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: "127.0.0.1", port: appPort }, () => (s.end(), resolve(true)));
      s.on("error", () => resolve(false));
    });
    if (up) return { appPort, s3Port, stop };
    await new Promise((r) => setTimeout(r, 50));
  }
  const log = (() => {
    try {
      return readFileSync(path.join(dir, "error.log"), "utf8");
    } catch {
      return "";
    }
  })();
  await stop();
  throw new Error(`nginx did not start: ${output()}\n${log}`);
}
