# Desktop app texts.

gui-panel-overview = Overview
gui-panel-sources = Sources
gui-panel-clients = Clients
gui-panel-plots = Plots
gui-panel-upstreams = Upstream servers
gui-panel-access = Access
gui-panel-stratum = Stratum & isolation
gui-panel-peers = Peers / redundancy
gui-panel-advanced = Advanced
gui-panel-apply = Apply
gui-panel-explain = Explain
gui-panel-export = Export
gui-panel-settings = Settings
gui-group-live = LIVE
gui-group-configure = CONFIGURE
gui-group-tools = TOOLS
gui-action-burst = Burst
gui-action-burst-help = Poll every source 4 times now (chronyc burst 4/4).
gui-action-makestep = Step the clock
gui-action-makestep-help = Correct the clock at once instead of slewing (chronyc makestep).
gui-action-refresh = Refresh sources
gui-action-refresh-help = Resolve the names of the sources again (chronyc refresh).
gui-action-pending = { $action }: asked chronyd…
gui-action-done-burst = chronyd accepted the burst: it polls { $polled ->
        [one] its one source with an address
       *[other] its { $polled } sources with an address
    } 4 times now, and their new measurements show under Sources within a minute.{ $unresolved ->
        [0] {""}
       *[other] {" "}The { $unresolved } without an address are not polled.
    }
gui-action-done-burst-unresolved = chronyd accepted the burst, but it has nothing to poll: none of its sources has an address ({ $names } do not resolve where chronyd runs). No measurement comes until they do: give addresses, or names the lab's DNS serves.
gui-action-done-burst-no-sources = chronyd accepted the burst, but it has no source to poll: add an upstream server first.
gui-action-done-makestep = Done: chronyd stepped the clock to its estimate of true time.
gui-action-done-refresh = Done: chronyd resolves the sources' names again; Sources shows what they resolve to.
gui-action-done-refresh-unresolved = chronyd will look the names up again, but { $names } do not resolve where chronyd runs now: nothing changes until they do (give addresses, or names the lab's DNS serves).
gui-action-failed = { $action } did not work: { $reason }
gui-activity = Activity
gui-serverstats = Server statistics
gui-add = Add
gui-add-source = Add a source
gui-edit-source = Edit the source
gui-add-subnet = Add a subnet
gui-allow = allow
gui-deny = deny
gui-apply = Apply
gui-apply-blocked-helper = No helper that may change the configuration is connected: connect to one under Settings, Connect to, or ask an administrator to add you to the helper's admin group.
gui-apply-blocked-lint = Fix the errors first: chronyd would refuse this file.
gui-apply-blocked-running = Another apply is under way; wait for it to finish.
gui-unapplied = Changes not applied
gui-unapplied-help = The configuration in the window differs from the one the helper has. Open Apply to see the changes and apply them.
gui-applying = Applying…
gui-cancel = Cancel
gui-cannot-open = The window cannot be opened: { $reason }. Run Stratum in a desktop session, or use the command line (stratum --help).
gui-chrony-version = chronyd { $version }
gui-client-count = { $count } { $count ->
        [one] client
       *[other] clients
    }
gui-close = Close
gui-col-line = Source
gui-col-live = Live state
gui-col-options = Options
gui-conn-connected = Connected to the helper
gui-conn-looking = Looking for a Stratum helper…
gui-conn-started-lab = Lab helper running
gui-conn-started-lab-help = This window started the lab helper and its chronyd; they stop when the window closes.
gui-conn-starting-lab = Starting a lab helper and its chronyd…
gui-conn-first-poll = Connected; waiting for chronyd's first answer…
gui-conn-chronyd-starting = chronyd is starting…
gui-copy = Copy
gui-diff = Changes to the file
gui-edit = Edit
gui-explain-help = Paste the output of chronyc, ntpq, ntpstat, timedatectl or a switch's show/display ntp command.
gui-export-csv = Export CSV
gui-export-png = Export PNG
gui-files = Files
gui-filter = Filter
gui-follow = Follow
gui-pause = Pause
gui-helper-socket = Helper socket
gui-helper-socket-help = Leave empty to use the system helper or start a lab.
gui-helper-start-failed = The lab helper did not start.
err-gui-helper-start-failed = The lab helper did not start: { $detail }
gui-no-helper = No helper: install chrony (apt-get install chrony) and stratum-helper, or enter the path of a chronyd binary under Settings, chronyd, to see live data. Editing, lint, explain and export work offline.
err-gui-no-helper = No helper: install chrony (apt-get install chrony) and stratum-helper, or enter the path of a chronyd binary under Settings, chronyd, to see live data. Editing, lint, explain and export work offline.
gui-host = Host
gui-import = Import
gui-key = Key (ID:TYPE:SECRET)
gui-language = Language
gui-leapsectz-help = Time zone with the leap second table (right/UTC).
gui-live-reachable = reachable
gui-live-selected = selected
gui-live-unknown = not seen
gui-live-unreachable = unreachable
gui-local-distance = Distance
gui-local-distance-help = Serve the local clock only when the upstreams are farther than this (seconds).
gui-local-enable = Serve time even when no upstream is reachable (local)
gui-local-orphan = Orphan mode
gui-local-orphan-help = Servers of a group agree on one of them while their upstreams are gone.
gui-local-stratum = Local stratum
gui-log-help = Logs chronyd writes into its log directory; Stratum imports them as history.
gui-logdir-help = Directory of chronyd's logs.
gui-makestep-help = Step the clock when it is off by more than the threshold, in the first updates only.
gui-mode-lab = Lab mode
gui-mode-lab-help = chronyd runs with -x: the system clock is never touched.
gui-mode-system = System mode
gui-no-allow = No client may use this server: type their subnet below and click Add (allow).
gui-no-changes = No changes.
gui-no-history = No history yet.
gui-plots-unmeasured = No measurement: chronyd serves its own clock and no source has answered, so the system series it reports as 0 (offset, frequency, skew) are not drawn.
gui-no-rows = Nothing to show.
gui-name-unresolved-here = { $name } does not resolve on this machine: give an address or a name your lab's DNS serves
gui-few-sources-resolve = { $usable ->
        [0] None of the { $count } upstream sources has
        [one] Only { $usable } of the { $count } upstream sources has
       *[other] Only { $usable } of the { $count } upstream sources have
    } an address on this machine: chrony needs at least 3 to detect a source that gives the wrong time (falseticker).
gui-name-checking-here = Checking whether { $name } resolves on this machine…
gui-few-sources-resolve-pool = { $usable ->
        [0] None
       *[other] Only { $usable }
    } of the up to { $count } upstream servers of { $lines ->
        [one] this configured line
       *[other] these { $lines } configured lines
    } { $usable ->
        [one] has
       *[other] have
    } an address on this machine (a pool line stands for up to its maxsources servers, 4 by default): chrony needs at least 3 to detect a source that gives the wrong time (falseticker).
gui-no-measurement = No measurement yet: chronyd has no sample here, and the number it reports is its initial value, not data.
gui-no-sources = chronyd has no sources.
gui-noclientlog-help = Do not log client accesses (rate limiting then cannot work).
gui-offline-help = No live data: no helper is running and none could be started. Install chrony (apt-get install chrony), or enter the path of a chronyd binary under Settings, chronyd: the lab helper then starts at once. Editing, lint, explain and export work without it.
gui-pair-effect = This server will peer with the partner and use “{ $line }”, the same line as the partner’s (chrony.conf(5), local, orphan).
gui-partner = Partner address
gui-peer = Other server of the pair
gui-peers-help = Servers that back each other up poll each other (peer) and follow one rule, chrony.conf(5) (local, orphan): every server of the group has the same “local stratum N orphan”. While the upstreams answer, they all follow them; when none does, the server with the smallest reference ID (for IPv4, the smallest address) serves its own clock and the others follow it, and if it stops answering the next takes over. Clients prefer the primary through “prefer” (Export, client formats).
gui-plot-frequency = Frequency and residual frequency (ppm)
gui-plot-offset = Offset (µs), + ahead (fast), − behind (slow): the system clock against NTP time, and each source as chronyc measures it, with its error band
gui-plot-skew = Skew (ppm)
gui-plot-window = Plot window
gui-poll-age = read from chronyd { $seconds } s ago
gui-ratelimit-help = Limit how fast clients may poll.
gui-raw-help = The whole file: edit anything the panels do not cover; comments and unknown lines are kept.
gui-raw-text = chrony.conf
gui-remove = Remove
gui-revert = Revert
gui-rtcsync-help = Let the kernel keep the hardware clock in step.
gui-save = Save
gui-save-as = Save as
gui-series-frequency = frequency
gui-series-residual = residual frequency
gui-series-skew = skew
gui-series-system-offset = system clock
gui-servers = Lab server(s)
gui-set-pair = Set up the pair
gui-settings-file = Settings are kept in { $path }
gui-source-interface = Source interface
gui-sourcestats = Source statistics
gui-stratum-help = A lab server with no reachable upstream serves stratum 0 and "Not synchronised" unless it has a local directive; its clients then refuse it. With local, it serves its own clock at the stratum you give; orphan lets several servers agree.
gui-stratumweight-help = How much stratum counts in source selection.
gui-theme = Theme
gui-theme-dark = Dark
gui-theme-light = Light
gui-this-lan = Networks of this machine:
gui-vrf = VRF / VPN instance
gui-waiting-chronyd = Waiting for chronyd to answer…
gui-window-5m = 5 min
gui-window-1h = 1 h
gui-window-24h = 24 h
gui-window-7d = 7 d
gui-subnet = Subnet
gui-subnet-hint = e.g. 10.0.0.0/24
gui-apply-now = Apply to chronyd
gui-chronyd-path = chronyd
gui-chronyd-path-help = The chronyd a lab runs and whose rules lint follows, e.g. /usr/local/sbin/chronyd. Empty: the installed one. Press Enter: the lab helper this window runs starts again with it at once.
gui-serverstats-older = chrony { $version } does not report where the server's timestamps came from (daemon, kernel or network card); chrony 4.4 and later do.
gui-panel-fleet = Fleet
gui-fleet-empty = The helper watches no other server: list each chronyd of the lab, one HOST[:PORT] a line, in the file { $path }, then quit Stratum (Ctrl+Q) and start it again: the lab helper it runs restarts with it and reads the file (their cmdallow must let this machine in).
gui-fleet-empty-system = The helper watches no other server: list each chronyd, one HOST[:PORT] a line, in the file { $path } (or “watch” in the data directory the helper was started with), then restart the helper as root (“systemctl restart stratum-helper”) (their cmdallow must let this machine in).
gui-fleet-empty-offline = No helper answers, so no other server is watched. A helper watches the servers listed one HOST[:PORT] a line in the file “watch” of its data directory: ~/.local/share/stratum for a lab, /var/lib/stratum for the system helper.
gui-fleet-host = Server
gui-fleet-state = State
gui-fleet-stratum = Stratum
gui-fleet-reference = Reference
gui-fleet-offset = Offset
gui-fleet-frequency = Frequency
gui-fleet-follows = Follows
gui-fleet-pick = Click a server to see its sources and its offset over time.
gui-fleet-host-title = { $host }: sources and offset
gui-connect = Connect to
gui-connect-help = Another machine's helper over SSH (ssh://[USER@]HOST[:PORT][/SOCKET], your ~/.ssh/config applies), or a local socket path. Recent servers are listed beside it.
gui-connect-button = Connect
gui-server = Server: { $server }
gui-this-machine = this machine
gui-connect-hint = ssh://admin@ntp1.lab
gui-offset-bound = { $direction ->
        [slow] System clock { $offset } behind NTP time (slow)
       *[fast] System clock { $offset } ahead of NTP time (fast)
    }; true time within ±{ $bound }, stratum { $stratum }
gui-own-clock = Serves its own clock (local stratum { $stratum }): nothing ties it to true time; it may have drifted up to { $dispersion } by chronyd's estimate (root dispersion, growing with time)
gui-a11y-spark = Plot of the system clock over the last 5 minutes
gui-a11y-deviations = Plot of the deviations against τ
gui-own-clock-started = Serves its own clock (local stratum { $stratum }): nothing ties it to true time; chronyd has just started and has no estimate of its drift yet
gui-own-clock-no-answer = Serves its own clock (local stratum { $stratum }): nothing ties it to true time; chronyd has no estimate of its drift because no source has answered (it estimates drift only from a source's measurements)
gui-own-clock-no-source = Serves its own clock (local stratum { $stratum }): nothing ties it to true time; chronyd has no estimate of its drift because it has no source to measure it against
gui-zoom = Text size
gui-zoom-help = Scales text and controls (Ctrl + and Ctrl − do the same).
gui-panel-setup = Guided setup
gui-setup-help = Pick what this machine should be in the lab, fill in the few fields it needs, check the file it makes, then use it (review it under Apply) or apply it at once.
gui-role-isolated = Isolated lab server
gui-role-isolated-help = No internet: this server serves its own clock to the lab (local stratum 10, orphan), so clients always get time.
gui-role-upstreams = Lab server with upstreams
gui-role-upstreams-help = Follows upstream servers (internet or site NTP) and serves the lab; keeps serving its own clock if they are gone.
gui-role-client = Client of a lab server
gui-role-client-help = Takes time from the lab server(s); the first one is preferred.
gui-role-pair = Server of a primary/backup pair
gui-role-pair-help = Peers with the other server of the pair; both use the same local stratum with orphan, as chrony.conf(5) asks, and agree on one of them when the upstreams are gone.
gui-setup-upstreams = Upstream servers
gui-setup-upstreams-help = Names or addresses, separated by spaces, e.g. 0.pool.ntp.org ntp.example.org (HOST:PORT for another port).
gui-setup-subnets = Client subnets
gui-setup-subnets-help = The subnets that may take time from this server, e.g. 10.0.0.0/24 fd00::/64.
gui-setup-servers = Lab server(s)
gui-setup-servers-help = The lab server as clients reach it, then its backup, e.g. 10.0.0.123 10.0.0.124 (HOST:PORT for a lab on another port, like 11123).
gui-setup-peer = The other server
gui-setup-peer-help = The address of the other server of the pair (HOST:PORT for another port).
gui-setup-preview = The chrony.conf it makes
gui-setup-use = Use this configuration
gui-setup-apply = Apply to the lab now
gui-setup-apply-no-helper = No helper is running, so nothing can be applied yet. When chronyd is not installed, enter the path of a chronyd binary under Settings, chronyd: the lab helper then starts.
role-bad-host = “{ $value }” is not a host name or address (HOST or HOST:PORT).
role-bad-subnet = “{ $value }” is not a subnet: write it like 10.0.0.0/24.
role-no-upstream = Give at least one upstream server.
role-no-server = Give the lab server’s address.
role-no-peer = Give the other server’s address.
role-no-subnet = Give the client subnets this server serves.
gui-browse = Browse…
gui-browse-no-portal = No desktop file dialog here (no desktop portal on the session bus): type the path in the field.
gui-browse-nothing = No file chosen. If no dialog appeared, type the path in the field.
gui-synced-from = Follows { $source }; the clock was last updated { $ago } s ago.
gui-sparkline = The system clock against NTP time over the last 5 minutes, and its maximum error (|offset| + root dispersion + half the root delay), in µs (+ ahead, − behind)
gui-follows-local = its own clock (local stratum)
gui-file-saved = Saved { $path }.
gui-file-imported = Imported { $path } into the editor. Nothing changes on the server until you apply it.
gui-file-saving = Saving { $path }…
gui-file-reading = Reading { $path }…
gui-file-too-large = it is larger than { $mib } MiB, more than any chrony.conf
gui-file-exists = { $path } already exists. Replace it?
gui-file-replace = Replace
gui-lint-running = Checking the configuration…
gui-export-nts = NTS (clients authenticate the server)
gui-export-ntpd-old = For ntpd 4.2.6 (CentOS 7)
gui-export-ntpd-old-help = ntpd before 4.2.7 has no “restrict source”: the file then lets each upstream in by a restrict line of its own, by address.
gui-export-note-nts-no-server = the server's chrony.conf has no ntsservercert: its clients cannot use NTS until it does (NTS panel, “Create certificates”).
gui-export-nts-ca = CA file on the clients
gui-export-note-nts-system-store = the clients trust the system's CAs: a server certificate from a private CA needs its CA in “CA file on the clients”.
gui-export-note-nts-switch = { $format } has no NTS: use a symmetric key (“Key”) for the switches.
gui-authdata = Authentication of the sources (NTS, keys)
gui-panel-nts = NTS
gui-nts-help = Network Time Security lets clients check that their time comes from this server, unaltered (RFC 8915). The server needs a certificate for the names clients use; the clients need the CA that signed it. A private CA is made once and kept: renewing the certificate does not make clients learn a new one.
gui-nts-none = This server has no NTS certificate (no ntsservercert).
gui-nts-create = Certificates for this server
gui-nts-names = Names and addresses clients use
gui-nts-days = Valid for (days)
gui-nts-create-button = Create certificates
gui-nts-renew = Renew and restart chronyd
gui-nts-renew-help = A new certificate for the same names from the kept CA; chronyd restarts to load it (its NTS keys survive in ntsdumpdir, so clients keep their cookies).
gui-nts-working = Working…
gui-nts-made = Written: { $files }. Use the lines below in chrony.conf and apply.
gui-nts-renewed = Renewed: { $files }. chronyd was restarted and serves the new certificate.
gui-nts-use = Use these lines
gui-nts-names-hint = ntp1.lab, 10.0.0.123
gui-export-nts-ca-hint = /etc/chrony/nts/ca.crt
gui-selectdata = Why each source is or is not selected
gui-stats-shape-undefined = Undefined: every value of this series is the same (σ = 0), and skewness and kurtosis divide by σ.
gui-selectdata-unlisted = Not in this table: { $sources }. chronyd lists here only sources with an address, and { $count ->
        [one] this one has
       *[other] these have
    } none yet (the name did not resolve), so there is nothing to select; the sources table above shows why.
gui-role-gps = GPS/PPS stratum-1 server
gui-role-gps-help = Takes time from a GPS receiver through gpsd (its time in gpsd's shared memory, SHM 0) and, where wired, the receiver's PPS pulse read by chronyd itself from the kernel PPS device; upstream servers stay as sanity checks and the lab is served.
gui-setup-gps-device = GPS device
gui-setup-gps-device-help = The receiver's device as gpsd reads it, such as /dev/ttyACM0 or /dev/ttyS0, and the first one gpsd reads: gpsd started as root puts the time it reads there in shared memory SHM 0 (and the PPS it sees in SHM 1). Not a PPS device such as /dev/pps0: that only pulses. Not a pseudo-terminal (/dev/pts/N, from socat or ser2net): gpsd gives a receiver there no shared memory.
gui-setup-pps-device = PPS device
gui-setup-pps-device-help = The kernel pulse-per-second device, such as /dev/pps0, which chronyd reads itself; leave empty when the receiver's PPS is not wired.
gui-setup-nmea-fallback = Use the NMEA time when PPS is gone
gui-setup-nmea-fallback-help = NMEA time is tens of milliseconds off until calibrated; without this it only numbers the PPS pulses.
role-bad-device = { $value } is not a device path chrony.conf can name (an absolute path under /dev, letters, digits, / _ - . only).
role-no-device = Give the GPS receiver's device.
role-pty-receiver = { $value } is a pseudo-terminal: gpsd gives a receiver there no shared memory (it feeds NTP from no pty), so chronyd would get no time. Give the receiver's serial or USB device (such as /dev/ttyACM0 or /dev/ttyS0).
role-pps-not-receiver = { $value } is a PPS device: it marks each second but sends no time. Give the receiver's own device (such as /dev/ttyACM0 or /dev/ttyS0) and put { $value } under PPS device.
role-not-pps-device = { $value } is not a kernel PPS device (/dev/pps0, /dev/pps1…): chronyd reads pulses only from one. Leave the field empty to use the receiver's time alone.
gui-panel-statistics = Statistics
gui-stats-root-delay = root delay
gui-stats-root-dispersion = root dispersion
gui-stats-source-offset = offset of { $source }
gui-stats-computing = Computing the statistics of this series…
gui-stats-no-data = No values of this series in this window yet.
gui-stats-samples = { $n } values (the last hour at full resolution, one-minute means before it).
gui-stats-histogram = values
gui-stats-sigma = mean ± 1σ
gui-stats-deviations = Allan (OADEV), modified Allan (MDEV) and time (TDEV) deviations against τ, with the 68 % interval of OADEV
gui-stats-refresh = Compute again
gui-stats-max-error = maximum clock error
gui-own-clock-bound-unknown = unknown (serves its own clock)
gui-spark-error-unknown = maximum clock error: unknown (serves its own clock), so no line is drawn for it
gui-spark-unmeasured = No measurement: chronyd serves its own clock and no source has answered, so neither the system clock's offset nor its maximum error is drawn.
gui-not-measured = not measured
gui-not-measured-help = Not measured: chronyd has no reference (no source has answered), so this 0 is its initial value, not a comparison with true time.
gui-stats-max-error-own-clock = The maximum clock error is unknown while the server serves its own clock: nothing measures that clock against true time, and the root dispersion chronyd reports then (often 0) bounds nothing. Those times are left out of this series.
gui-stats-root-own-clock = Root delay and root dispersion have no values while the server serves its own clock: chronyd then reports them for a path to no reference (often 0), which says nothing about true time. Those times are left out of this series.
gui-stats-ntp-rate = NTP requests per second
gui-stats-clients = clients
gui-alarm-prefix = Alarm:
gui-notice-own-clock = Isolated: serves its own clock at stratum { $stratum } (no upstream configured)
gui-notice-own-clock-help = No upstream server is configured, so this server serves its own clock to the lab: what an isolated lab server is meant to do. Nothing ties it to true time; add servers under Upstream servers to change that.
gui-alarms-count = { $count } alarms: { $first }
alarm-unsynchronised = Alarm: chronyd is not synchronised to any source.
alarm-stratum-high = Alarm: stratum { $what } is higher than expected.
alarm-offset-large = Alarm: the clock is { $what } from NTP time.
alarm-offset-critical = Alarm: the clock is { $what } from NTP time, far beyond what clients accept.
alarm-source-unreachable = Alarm: { $what } does not answer.
alarm-refclock-lost = Alarm: the reference clock { $what } gives no samples.
alarm-certificate-expiring = Alarm: the NTS certificate { $what } is near its end.
alarm-certificate-expired = Alarm: the NTS certificate { $what } has expired.
alarm-leap-list-expiring = Alarm: the leap second list { $what } is near or past its end.
gui-alarm-title-critical = Stratum: time service alarm
gui-alarm-title-warning = Stratum: time service warning
role-comment-isolated = Isolated lab server: serves its own clock to the lab.
role-comment-upstreams = Lab server: follows its upstreams and serves the lab.
role-comment-client = Client of the lab server(s).
role-comment-pair = One server of a primary/backup pair: the same “local stratum N orphan” as its partner (chrony.conf(5), local, orphan).
role-comment-gps = Stratum-1 server: time from its GPS receiver (through gpsd).
gui-pair-follows-rule = This server uses “{ $line }”: give its partner the same line.
gui-pair-breaks-rule = This server has partners but no orphan local line: use “{ $line }” here and on every partner (Set up the pair does it), or the servers each serve their own clock when the upstreams are gone.
gui-export-group-hosts = Servers and clients
gui-export-group-switches = Switches and routers
gui-export-group-firewalls = Firewalls
gui-servers-help = The lab server as its clients and devices reach it, then its backup (HOST or HOST:PORT, separated by spaces).
gui-export-backup = This is the backup of a pair
gui-export-backup-help = The backup peers with the primary (type the primary's address in “Other server of the pair”) and uses the same local line (chrony.conf(5), local, orphan).
gui-export-peer-help = The address of the pair's other server: the primary's in the backup's file, the backup's in the primary's. This file peers with it, and the firewall lets it in.
gui-export-peer-in-file = Already in this server's file: { $peers }
gui-export-peer-primary = Peer with the primary, { $server }
gui-export-peer-type-primary = Type the primary's address (the backup peers with it).
gui-export-servers-hint = e.g. 10.0.0.1 10.0.0.2
gui-export-peer-hint = the other server's address, e.g. 10.0.0.2
gui-export-peer-hint-primary = the backup's address, e.g. 10.0.0.2
gui-export-peer-hint-backup = the primary's address, e.g. 10.0.0.1
gui-export-saved-other-lang = The saved file has the same lines: only its comments are in another language (it was saved from the window in that language).
export-header-plain = Generated by Stratum ({ $format })
window-export-no-server = Type the lab server's address in “Lab server(s)” above (then its backup's, separated by a space).
window-export-backup-needs-peer = A backup peers with the primary: type the primary's address in “Other server of the pair” above.
window-export-peer-is-this-server = { $value } is this server's own address (the first of “Lab server(s)”, on the client formats): its file would peer with itself. Type the backup's address, or tick “This is the backup of a pair” if this file is for the backup.
window-export-peer-is-the-backup = { $value } is the backup's own address (the second of “Lab server(s)”, on the client formats): the backup's file would peer with itself. Type the primary's address.
gui-export-peer-not-primary = The backup peers with the primary, { $primary } (the first of “Lab server(s)”): { $peer } is another server.
gui-export-pair-one-sided = This server’s configuration has no peer line: the exported backup’s file peers with this server, but this server does not peer with it. Add the backup as a peer in “Peers / redundancy” too.
window-export-server-not-used = The lab server's address is for its clients and devices; the server's own { $format } file does not use it: choose a client format or a switch to use it.
window-export-note-nts-system-store = the clients trust the system's CAs: for a server certificate from a private CA, give the CA file on the clients above.
window-export-note-nts-switch = { $format } has no NTS: give the switches a symmetric key (Key) instead.
window-err-apply-path-not-allowed = Line { $detail }: in system mode chronyd runs as root, so it may only read and write under chrony's own directories (/etc/chrony, /var/lib/chrony, /var/log/chrony, /run/chrony) and the user may only be chrony's. An administrator can allow another directory in the helper's service (allow-path, see stratum-helper(8)). Nothing was changed.
value-normal = Normal
value-insert-second = Insert second
value-delete-second = Delete second
value-not-synchronised = Not synchronised
value-invalid = Invalid
value-server = Server
value-client = Client
value-symmetric-active = Symmetric active
value-symmetric-passive = Symmetric passive
value-broadcast = Broadcast
value-yes = Yes
value-no = No
value-kernel = Kernel
value-daemon = Daemon
value-hardware = Hardware
gui-makestep-threshold = threshold (s)
gui-makestep-limit = in the first updates
gui-export-preview = The file it makes
gui-file = File
gui-file-csv = CSV file
gui-file-png = PNG file
gui-stats-unmeasured = No measurement: chronyd serves its own clock and no source has answered, so its { $n } values of 0 here measure nothing.
gui-stats-constant = All { $n } values are { $value }: nothing varies, so there is no histogram to draw.
gui-stats-flat = The series does not change over this window: every deviation is zero and no noise type can be read from it.
window-finding-ntp-service-inactive = No time synchronisation service runs: on RHEL, Rocky, CentOS and Fedora run “systemctl enable chronyd” and “systemctl start chronyd”; on Debian and Ubuntu “systemctl enable chrony” and “systemctl start chrony”.
window-finding-ntp-service-inactive-ntpd = No time daemon answered: ntpq (and ntpstat) ask ntpd on 127.0.0.1 and ::1, ntpstat also chronyd through chronyc. Start it (“systemctl enable ntpd” and “systemctl start ntpd”, or chronyd / chrony) and check that ntpd's “restrict” lets 127.0.0.1 query it. chronyd never answers ntpq: where chrony runs, ask it with chronyc tracking and chronyc sources.
gui-stats-series = Series

# Export: what the preview is made from, and a file saved before it changed.
gui-source-interface-help = The interface the device sends NTP from, in this vendor's own naming (kept per vendor: Cisco's Vlan10 is Huawei's Vlanif10 and H3C's Vlan-interface10).
gui-export-unapplied = Includes changes not yet applied: the server runs without them until you apply them (Apply).
gui-export-add-pair = Add the other server of the pair, { $server }
gui-export-add-pair-help = This configuration has a peer: clients that know both servers of the pair keep the time when one is down, the first listed is preferred.
gui-file-changed-since = The preview has changed since it was saved to { $path }: that file is not current; save again to update it.
gui-file-not-current = The file at { $path } differs from the preview: that file is not current; save again to update it.

# Guided setup: replacing a configuration that has lines the setup lacks.
gui-setup-drops = This setup replaces the current configuration, and { $count ->
        [one] this line of it is not in the setup: it would be dropped.
       *[other] these { $count } lines of it are not in the setup: they would be dropped.
    }
gui-setup-replace = Replace the configuration
gui-setup-new-sources = Applying changes the running chronyd's time sources: { $count ->
        [one] it starts polling the server of the line below.
       *[other] it starts polling the { $count } servers of the lines below.
    }
gui-setup-adds = { $count ->
        [one] It adds this line, which the current configuration does not have:
       *[other] It adds these { $count } lines, which the current configuration does not have:
    }
gui-setup-would-drop = Using this setup would drop { $count ->
        [one] this line of the current configuration
       *[other] these { $count } lines of the current configuration
    }: { $lines }.
gui-files-need-path = Type a file's path above (or choose it with Browse…) to import it or save the configuration to it.

# The comments of the chrony.conf a new lab starts from, and of the first
# line of a kind added to it (chronyd reads comments as bytes).
lab-comment-header = Stratum lab server. Add upstream servers and the subnets of your clients.
lab-comment-local = Serve time even when no upstream is reachable (isolated lab).
lab-comment-allow = Who may ask this server for time (one allow line per address or subnet).
lab-comment-makestep = Step the clock in the first updates if it is far off.
conf-comment-sources = Upstream servers this server follows.
conf-comment-peers = The other server of the pair: both serve the lab, with the same "local stratum N orphan" line (chrony.conf(5), orphan mode).
conf-comment-allow = Who may ask this server for time.
gui-export-looking-up = Looking up { $names } on this machine…
