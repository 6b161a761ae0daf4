// The README's two commands are the whole set-up: where MariaDB is missing and we are root on
// Debian they install it; elsewhere they stop with the exact commands to run (scripts/system.mjs).
import { describe, expect, it } from "vitest";
import { planDatabase } from "./system.mjs";

const local = "mysql://root@127.0.0.1:3306";
const machine = { isRoot: true, hasApt: true, installed: true };

describe("planDatabase", () => {
  it("does nothing when the server answers", () => {
    expect(planDatabase({ url: local, reachable: true, ...machine, installed: false, isRoot: false })).toEqual({ action: "none" });
  });

  it("installs MariaDB when it is missing and we are root on Debian (what stopped the README's commands before)", () => {
    expect(planDatabase({ url: local, reachable: false, ...machine, installed: false }).action).toBe("install");
  });

  it("starts an installed server that is down", () => {
    expect(planDatabase({ url: "mysql://root@localhost/pixelpatchwork", reachable: false, ...machine }).action).toBe("start");
  });

  it("without root, gives the exact commands to install, start and open root to TCP", () => {
    const plan = planDatabase({ url: local, reachable: false, ...machine, installed: false, isRoot: false });
    expect(plan.action).toBe("instructions");
    expect(plan.commands).toEqual([
      "sudo apt-get update && sudo apt-get install -y mariadb-server",
      "sudo sh -c 'mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld'",
      "sudo sh -c 'start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql'",
      `sudo mariadb -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('')"`,
    ]);
  });

  it("without root, says how to start an installed server", () => {
    const plan = planDatabase({ url: local, reachable: false, ...machine, isRoot: false });
    expect(plan).toMatchObject({ action: "instructions", message: expect.stringContaining("installed but not running") });
    expect(plan.commands?.[1]).toContain("start-stop-daemon");
  });

  it("off Debian, names a package manager's way and the DATABASE_URL way out", () => {
    const plan = planDatabase({ url: local, reachable: false, isRoot: true, hasApt: false, installed: false });
    expect(plan.action).toBe("instructions");
    expect(plan.commands?.join("\n")).toMatch(/brew install mariadb[\s\S]*DATABASE_URL/);
  });

  it("never touches the machine for a database elsewhere", () => {
    const plan = planDatabase({ url: "mysql://u:p@db.example.com:3306/app", reachable: false, ...machine, installed: false });
    expect(plan).toMatchObject({ action: "instructions", message: expect.stringContaining("db.example.com:3306") });
  });
});
