package io.github.camelloganalytics.testkit.generate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.github.camelloganalytics.testkit.generate.GenerationContext.Machine;

/** Records the monitoring agents on the sample machines send: heartbeats, counters, syslog, Windows events. */
final class AgentTables {

    /** The agents' ids, as the bundled sample heartbeats carry them. */
    private static final Map<String, String> SOURCE_COMPUTER_IDS = Map.of(
            "vm-web-01", "bdd640fb-0667-4ad1-9c80-317fa3b1799d",
            "vm-web-02", "23b8c1e9-3924-46de-beb1-3b9046685257",
            "vm-sql-01", "bd9c66b3-ad3c-4d6d-9a3d-1fa7bc8960a9",
            "vm-batch-01", "972a8469-1641-4f82-8b9d-2434e465e150");
    private static final Duration HEARTBEAT_EVERY = Duration.ofMinutes(15);
    private static final Duration PERF_EVERY = Duration.ofMinutes(30);

    private AgentTables() {
    }

    static Instant aligned(Instant from, Duration step) {
        long s = step.getSeconds();
        return Instant.ofEpochSecond(from.getEpochSecond() / s * s);
    }

    /**
     * One heartbeat per machine every 15 minutes (the live agent sends one a minute; thinned to keep the table
     * small), on quarter hours counted back from where the records end, each sent up to 50 seconds before its quarter
     * hour (as the bundled day's), so that a timespan of whole days before the clock never cuts one off by the few
     * seconds between the clock and a query. With gaps: vm-batch-01 is deallocated for three hours every day, from 13
     * to 10 hours before the clock's time of day (as on the bundled day), and vm-web-02 was down for three hours, 33 to
     * 30 hours before the clock.
     */
    static void heartbeat(Emitter out, Rand rand) {
        Instant now = out.ctx().now().truncatedTo(ChronoUnit.SECONDS);
        Instant end = out.until().truncatedTo(ChronoUnit.SECONDS);
        for (Machine m : GenerationContext.MACHINES) {
            String resourceId = out.ctx().resourceId(m);
            for (Instant g = end; !g.isBefore(out.from()); g = g.minus(HEARTBEAT_EVERY)) {
                Duration beforeClock = Duration.between(g, now);
                long hourOfDay = beforeClock.toMinutes() % (24 * 60);
                if (m.name().equals("vm-batch-01") && hourOfDay >= 10 * 60 && hourOfDay < 13 * 60) {
                    continue;
                }
                if (m.name().equals("vm-web-02") && beforeClock.compareTo(Duration.ofHours(30)) >= 0
                        && beforeClock.compareTo(Duration.ofHours(33)) < 0) {
                    continue;
                }
                Instant sent = g.minusSeconds(1).minus(rand.jitter(Duration.ofSeconds(49)));
                out.emit(out.row()
                        .set("Computer", m.name())
                        .set("SourceComputerId", SOURCE_COMPUTER_IDS.get(m.name()))
                        .set("Category", m.windows() ? "Direct Agent" : "Azure Monitor Agent")
                        .set("OSType", m.osType())
                        .set("OSName", m.osName())
                        .set("OSMajorVersion", m.osMajor())
                        .set("OSMinorVersion", m.windows() ? "0" : "04")
                        .set("Version", m.windows() ? "10.20.18069.0" : "1.19.0")
                        .set("ComputerIP", m.ip())
                        .set("ComputerPrivateIPs", Json.array(m.ip()))
                        .set("ComputerEnvironment", "Azure")
                        .set("RemoteIPCountry", "Ireland")
                        .set("RemoteIPLatitude", 53.35)
                        .set("RemoteIPLongitude", -6.26)
                        .set("IsGatewayInstalled", false)
                        .set("SCAgentChannel", "Direct")
                        .set("Resource", m.name())
                        .set("ResourceGroup", m.resourceGroup())
                        .set("ResourceId", resourceId)
                        .set("ResourceProvider", "Microsoft.Compute")
                        .set("ResourceType", "virtualMachines")
                        .set("SubscriptionId", out.ctx().subscriptionId())
                        .set("SourceSystem", m.windows() ? "OpsManager" : "Linux")
                        .set("Solutions", "\"security\", \"changeTracking\", \"updates\"")
                        .set("VMUUID", rand.uuid().toString()),
                        sent, resourceId);
            }
        }
    }

    private record Counter(String object, String counter, String instance, double base, double spread) {
    }

    private static final List<Counter> LINUX = List.of(
            new Counter("Processor", "% Processor Time", "_Total", 18, 25),
            new Counter("Memory", "Available MBytes Memory", "_Total", 5200, 1500),
            new Counter("Logical Disk", "% Used Space", "/", 41, 6),
            new Counter("Network", "Total Bytes Received", "eth0", 2.4e6, 2e6));
    private static final List<Counter> WINDOWS = List.of(
            new Counter("Processor", "% Processor Time", "_Total", 22, 30),
            new Counter("Memory", "Available MBytes", "", 9800, 2500),
            new Counter("LogicalDisk", "% Free Space", "C:", 37, 4),
            new Counter("Network Adapter", "Bytes Total/sec", "Microsoft Hyper-V Network Adapter", 3.1e5, 2e5));

    /** Four counters per machine every 30 minutes, following the working day; vm-batch-01 is busy at night. */
    static void perf(Emitter out, Rand rand) {
        for (Machine m : GenerationContext.MACHINES) {
            String resourceId = out.ctx().resourceId(m);
            for (Instant t = aligned(out.from(), PERF_EVERY); t.isBefore(out.until()); t = t.plus(PERF_EVERY)) {
                double load = m.name().equals("vm-batch-01") ? 1.3 - Rand.load(t) : Rand.load(t);
                for (Counter c : m.windows() ? WINDOWS : LINUX) {
                    double v = c.counter().contains("Processor") ? Math.min(100, c.base() * load + rand.real(0, c.spread()))
                            : c.counter().startsWith("Available") ? c.base() - load * c.spread() + rand.real(-200, 200)
                            : c.base() + rand.real(-c.spread(), c.spread()) * (c.object().startsWith("Network") ? load : 1);
                    out.emit(out.row()
                            .set("Computer", m.name())
                            .set("ObjectName", c.object())
                            .set("CounterName", c.counter())
                            .set("InstanceName", c.instance())
                            .set("CounterPath", "\\\\" + m.name() + "\\" + c.object()
                                                + (c.instance().isEmpty() ? "" : "(" + c.instance() + ")") + "\\"
                                                + c.counter())
                            .set("CounterValue", Math.round(Math.max(0, v) * 100) / 100.0)
                            .set("SourceSystem", m.windows() ? "OpsManager" : "Linux"),
                            t.plus(rand.jitter(Duration.ofSeconds(5))), resourceId);
                }
            }
        }
    }

    /** Syslog of the Linux machines: mostly info, some warnings and errors, sshd brute-force attempts. */
    static void syslog(Emitter out, Rand rand) {
        for (Machine m : GenerationContext.MACHINES) {
            if (m.windows()) {
                continue;
            }
            String resourceId = out.ctx().resourceId(m);
            for (Instant t = aligned(out.from(), Duration.ofHours(1)); t.isBefore(out.until()); t = t.plus(Duration.ofHours(1))) {
                int n = (int) Math.round(6 * Rand.load(t)) + rand.between(0, 2);
                for (int i = 0; i < n; i++) {
                    Instant at = t.plus(rand.jitter(Duration.ofHours(1)));
                    String[] e = rand.pick(
                            new String[] { "authpriv", "info", "sshd", "Accepted publickey for azureuser from 10.0.9.4 port "
                                                                     + rand.between(40000, 65000) + " ssh2" },
                            new String[] { "authpriv", "notice", "sshd", "Failed password for invalid user admin from "
                                                                       + rand.publicIp() + " port " + rand.between(40000, 65000) + " ssh2" },
                            new String[] { "cron", "info", "CRON", "(root) CMD (/usr/local/bin/rotate-logs.sh)" },
                            new String[] { "daemon", "info", "systemd", "Started Daily apt upgrade and clean activities." },
                            new String[] { "daemon", "warning", "systemd", "walinuxagent.service: Watchdog timeout (limit 3min)!" },
                            new String[] { "kern", "err", "kernel", "EXT4-fs error (device sda1): ext4_find_entry:1455: "
                                                                  + "inode #2: comm nginx: reading directory lblock 0" },
                            new String[] { "user", "info", "nginx", "GET /health 200" },
                            new String[] { "syslog", "info", "rsyslogd", "[origin software=\"rsyslogd\"] rsyslogd was HUPed" },
                            new String[] { "auth", "crit", "sudo", "pam_unix(sudo:auth): auth could not identify password for [www-data]" });
                    out.emit(out.row()
                            .set("Computer", m.name())
                            .set("HostName", m.name())
                            .set("HostIP", m.ip())
                            .set("Facility", e[0])
                            .set("SeverityLevel", e[1])
                            .set("ProcessName", e[2])
                            .set("ProcessID", rand.between(300, 32000))
                            .set("SyslogMessage", e[3])
                            .set("EventTime", at)
                            .set("CollectorHostName", m.name())
                            .set("SourceSystem", "Linux"),
                            at, resourceId);
                }
            }
        }
    }

    /** Windows event log of vm-sql-01: service starts and stops, SQL Server errors, disk warnings. */
    static void event(Emitter out, Rand rand) {
        Machine m = GenerationContext.MACHINES.get(2);
        String resourceId = out.ctx().resourceId(m);
        for (Instant t = aligned(out.from(), Duration.ofHours(1)); t.isBefore(out.until()); t = t.plus(Duration.ofHours(1))) {
            int n = rand.between(1, 5);
            for (int i = 0; i < n; i++) {
                Object[] e = rand.pick(
                        new Object[] { "System", "Service Control Manager", 7036, 4, "Information",
                                "The Windows Update service entered the running state." },
                        new Object[] { "System", "Service Control Manager", 7036, 4, "Information",
                                "The Windows Modules Installer service entered the stopped state." },
                        new Object[] { "Application", "MSSQLSERVER", 17890, 4, "Information",
                                "A significant part of sql server process memory has been paged out." },
                        new Object[] { "Application", "MSSQLSERVER", 18456, 2, "Warning",
                                "Login failed for user 'sa'. Reason: Password did not match that for the login provided." },
                        new Object[] { "Application", "MSSQLSERVER", 833, 2, "Warning",
                                "SQL Server has encountered 3 occurrence(s) of I/O requests taking longer than 15 seconds." },
                        new Object[] { "System", "disk", 153, 2, "Warning",
                                "The IO operation at logical block address 0x1a2b3c for Disk 2 was retried." },
                        new Object[] { "System", "Microsoft-Windows-Kernel-Power", 41, 1, "Error",
                                "The system has rebooted without cleanly shutting down first." });
                Instant at = t.plus(rand.jitter(Duration.ofHours(1)));
                out.emit(out.row()
                        .set("Computer", m.name())
                        .set("EventLog", e[0])
                        .set("Source", e[1])
                        .set("EventID", e[2])
                        .set("EventLevel", e[3])
                        .set("EventLevelName", e[4])
                        .set("RenderedDescription", e[5])
                        .set("EventCategory", 0)
                        .set("UserName", "NT AUTHORITY\\SYSTEM")
                        .set("SourceSystem", "OpsManager"),
                        at, resourceId);
            }
        }
    }

    /** Logons on vm-sql-01: successes, privileged logons, process creation, and bursts of failed logons. */
    static void securityEvent(Emitter out, Rand rand) {
        Machine m = GenerationContext.MACHINES.get(2);
        String resourceId = out.ctx().resourceId(m);
        for (Instant t = aligned(out.from(), Duration.ofHours(1)); t.isBefore(out.until()); t = t.plus(Duration.ofHours(1))) {
            boolean attack = rand.chance(0.08);
            int n = (int) Math.round(8 * Rand.load(t)) + (attack ? 30 : 0);
            for (int i = 0; i < n; i++) {
                Instant at = t.plus(rand.jitter(Duration.ofHours(1)));
                int id;
                if (attack && i >= n - 30) {
                    id = 4625;
                } else {
                    id = rand.pick(4624, 4624, 4624, 4672, 4688, 4634);
                }
                String user = id == 4625 ? rand.pick("administrator", "admin", "sa", "test") : rand.pick("svc-sql", "alice", "bob");
                int logonType = id == 4625 ? 3 : rand.pick(2, 3, 5, 10);
                out.emit(out.row()
                        .set("Computer", m.name())
                        .set("EventID", id)
                        .set("Activity", id + " - " + switch (id) {
                            case 4624 -> "An account was successfully logged on.";
                            case 4625 -> "An account failed to log on.";
                            case 4672 -> "Special privileges assigned to new logon.";
                            case 4688 -> "A new process has been created.";
                            default -> "An account was logged off.";
                        })
                        .set("Account", "CONTOSO\\" + user)
                        .set("AccountType", user.startsWith("svc") ? "Machine" : "User")
                        .set("TargetUserName", user)
                        .set("TargetAccount", "CONTOSO\\" + user)
                        .set("SubjectUserName", "VM-SQL-01$")
                        .set("LogonType", logonType)
                        .set("LogonTypeName", switch (logonType) {
                            case 2 -> "2 - Interactive";
                            case 3 -> "3 - Network";
                            case 5 -> "5 - Service";
                            default -> "10 - RemoteInteractive";
                        })
                        .set("IpAddress", id == 4625 ? rand.publicIp() : "10.0.9.4")
                        .set("Status", id == 4625 ? "0xc000006d" : "")
                        .set("SubStatus", id == 4625 ? "0xc000006a" : "")
                        .set("NewProcessName", id == 4688 ? "C:\\Windows\\System32\\cmd.exe" : "")
                        .set("EventSourceName", "Microsoft-Windows-Security-Auditing")
                        .set("Channel", "Security")
                        .set("Level", "8")
                        .set("Task", 12544)
                        .set("SourceSystem", "OpsManager"),
                        at, resourceId);
            }
        }
    }

    /** Azure Monitor agent metrics (VM insights): CPU and memory of every machine every 30 minutes. */
    static void insightsMetrics(Emitter out, Rand rand) {
        for (Machine m : GenerationContext.MACHINES) {
            String resourceId = out.ctx().resourceId(m);
            for (Instant t = aligned(out.from(), PERF_EVERY); t.isBefore(out.until()); t = t.plus(PERF_EVERY)) {
                double load = Rand.load(t);
                out.emit(out.row().set("Computer", m.name()).set("Origin", "vm.azm.ms").set("Namespace", "Processor")
                        .set("Name", "UtilizationPercentage").set("Val", Math.round((15 + 50 * load * rand.real(0.6, 1.2)) * 100) / 100.0)
                        .set("Tags", Json.object("vm.azm.ms/totalCpus", 4)).set("AgentId", SOURCE_COMPUTER_IDS.get(m.name())),
                        t.plus(rand.jitter(Duration.ofSeconds(10))), resourceId);
                out.emit(out.row().set("Computer", m.name()).set("Origin", "vm.azm.ms").set("Namespace", "Memory")
                        .set("Name", "AvailableMB").set("Val", Math.round(8192 - 4000 * load * rand.real(0.7, 1.1)))
                        .set("Tags", Json.object("vm.azm.ms/memorySizeMB", 16384)).set("AgentId", SOURCE_COMPUTER_IDS.get(m.name())),
                        t.plus(rand.jitter(Duration.ofSeconds(10))), resourceId);
            }
        }
    }

    /** IIS access log of vm-sql-01's reporting site. */
    static void w3cIisLog(Emitter out, Rand rand) {
        Machine m = GenerationContext.MACHINES.get(2);
        String resourceId = out.ctx().resourceId(m);
        for (Instant t = aligned(out.from(), Duration.ofHours(1)); t.isBefore(out.until()); t = t.plus(Duration.ofHours(1))) {
            int n = (int) Math.round(10 * Rand.load(t));
            for (int i = 0; i < n; i++) {
                Instant at = t.plus(rand.jitter(Duration.ofHours(1)));
                int status = rand.chance(0.9) ? 200 : rand.pick(304, 401, 404, 500);
                out.emit(out.row().set("Computer", m.name()).set("sSiteName", "W3SVC1").set("sComputerName", m.name())
                        .set("sIP", m.ip()).set("csMethod", rand.pick("GET", "GET", "POST"))
                        .set("csUriStem", rand.pick("/Reports/Pages/Folder.aspx", "/ReportServer", "/Reports/api/v2.0/Me", "/favicon.ico"))
                        .set("sPort", 443).set("cIP", "10.0.9." + rand.between(2, 60)).set("csUserAgent", "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)")
                        .set("scStatus", String.valueOf(status)).set("scSubStatus", "0").set("scWin32Status", "0")
                        .set("TimeTaken", (long) rand.logNormal(120, 0.8)).set("scBytes", (long) rand.logNormal(8000, 1))
                        .set("csBytes", (long) rand.logNormal(900, 0.5)).set("Date", at.toString().substring(0, 10))
                        .set("Time", at.toString().substring(11, 19)).set("SourceSystem", "OpsManager"),
                        at, resourceId);
            }
        }
    }

    /** Missing updates of every machine, assessed every 12 hours. */
    static void update(Emitter out, Rand rand) {
        for (Machine m : GenerationContext.MACHINES) {
            String resourceId = out.ctx().resourceId(m);
            for (Instant t = aligned(out.from(), Duration.ofHours(12)); t.isBefore(out.until()); t = t.plus(Duration.ofHours(12))) {
                for (int k = 0; k < 3; k++) {
                    boolean security = k == 0;
                    out.emit(out.row().set("Computer", m.name()).set("OSType", m.osType())
                            .set("Title", m.windows() ? (security ? "2025-12 Cumulative Update for Windows Server" : "Update for Microsoft Defender Antivirus")
                                    : rand.pick("openssl", "libc6", "linux-image-azure", "curl") + " " + rand.between(1, 3) + "." + rand.between(0, 9))
                            .set("Classification", security ? "Security Updates" : rand.pick("Critical Updates", "Updates", "Definition Updates"))
                            .set("MSRCSeverity", security ? rand.pick("Critical", "Important") : "")
                            .set("UpdateState", rand.chance(0.7) ? "Needed" : "Installed")
                            .set("Product", m.osName()).set("Optional", false).set("SourceComputerId", SOURCE_COMPUTER_IDS.get(m.name()))
                            .set("UpdateID", rand.uuid().toString()).set("SourceSystem", m.windows() ? "OpsManager" : "Linux"),
                            t.plus(rand.jitter(Duration.ofMinutes(30))), resourceId);
                }
            }
        }
    }
}
