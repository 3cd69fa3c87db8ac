# Command-line texts.

cli-lint-summary = { $errors } { $errors ->
        [one] error
       *[other] errors
    }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }, { $hints } { $hints ->
        [one] hint
       *[other] hints
    } (rules of chrony { $version }).
cli-missing-value = The option { $option } needs a value.
cli-missing-option = The option { $option } is required.
cli-unknown-option = Unknown option { $option }; see “stratum --help”.
cli-unexpected-argument = Unexpected argument “{ $argument }”; see “stratum --help”.
cli-unexpected-value = The option { $option } takes no value.
cli-not-unicode = The argument “{ $argument }” is not valid UTF-8 text.
cli-usage = Invalid command line ({ $detail }); see “stratum --help”.
cli-unknown-command = Unknown command “{ $command }”; see “stratum --help”.
cli-bad-lang = Unknown language “{ $value }”: use en or zh-CN.
cli-bad-format = Unknown format “{ $value }”: use text or json.
cli-bad-version = “{ $value }” is not a chrony version (write it like 4.3).
cli-version-too-old = Stratum knows the configuration rules of chrony { $oldest } and newer; { $version } is older and its language differs. Check that file with “chronyd -p -f FILE” on that machine.
cli-version-installed-too-old = The installed chronyd is { $version }, older than { $oldest }, the oldest release whose rules Stratum knows: the file is checked with { $oldest }'s rules.
cli-version-newer = chrony { $version } is newer than the releases whose rules Stratum knows (up to { $newest }): the file is checked with { $newest }'s rules, and a directive added after { $newest } is reported as unknown.
cli-missing-file = Name a chrony.conf file.
cli-cannot-read = Cannot read { $path }: { $reason }.
cli-cannot-write = Cannot write { $path }: { $reason }. The file was not changed.
os-error = { $os-error ->
        [not-found] there is no such file or directory
        [permission-denied] permission denied (this user may not open it)
        [is-a-directory] it is a directory, not a file
        [not-a-directory] a part of the path is not a directory
        [not-regular] it is not a regular file (a FIFO, a device or a directory is never read)
        [too-large] it is larger than such a file can be
        [invalid-data] its contents are not text (UTF-8)
        [symbolic-link] it is a symbolic link, which is not followed here
        [read-only] the file system is read-only
        [storage-full] the disk is full
        [already-exists] it already exists
       *[other] { $os-detail }
    }
cli-orphan-needs-stratum = --orphan goes with --local-stratum N.
cli-bad-stratum = The local stratum must be a whole number from 1 to 15, not “{ $value }”.
cli-source-empty = The server to add is empty: give a host name or address, then options.
cli-source-control = The server “{ $value }” contains a line break or control character; nothing was changed.
cli-source-bad-host = “{ $host }” is not a host name or IP address.
cli-source-invalid = chrony would refuse the source “{ $value }”: { $reason }
cli-subnet-empty = The subnet is empty.
cli-subnet-syntax = “{ $value }” is not a subnet: write it like 10.0.0.0/24, fd00::/64 or 192.168.1.
cli-subnet-prefix = “{ $value }” is not a valid subnet: the prefix can be at most /{ $max }.
cli-remove-none = No source named { $host } in the file; nothing was changed.
cli-bad-distance = The local distance must be a number of seconds, 0 or more, not “{ $value }”.
cli-set-not-single = { $directive } is not a directive a file has once: use --add-server, --allow, --deny or --local-stratum for sources, access rules and local.
cli-set-invalid = chrony would refuse “{ $line }”: { $reason } Nothing was changed.
fleet-host = Host
fleet-stratum = St
fleet-reference = Reference
fleet-offset = Offset (s)
fleet-frequency = Freq (ppm)
fleet-state = State
fleet-ok = answers
fleet-waiting = not polled yet
cli-bad-connect = --connect needs ssh://[USER@]HOST[:PORT][/SOCKET] (no spaces, quotes or options), not “{ $value }”.

cli-bad-role = Unknown role “{ $value }”: use isolated, upstream, client or pair.
cli-role-input = { $reason }
fleet-error-chronyd-timeout = no answer on its command port (UDP 323): chronyd is not running there, “cmdport” is closed, a firewall drops it, or “cmdallow” does not let this host in
fleet-error-chronyd-unreachable = cannot be reached: no route to it, or the address is wrong
fleet-error-chronyd-protocol = answers with replies that are not chronyd's (or claims more than chronyd can have)
fleet-error-chronyd-not-authorised = refuses this host: add “cmdallow ADDRESS” (and a reachable “bindcmdaddress”) on it
fleet-error-chronyd-refused = refuses the monitoring requests
fleet-error-watch-unresolved = the name does not resolve

cli-bad-ntpd-version = “{ $value }” is not an ntpd version (write it like 4.2.6).

nts-no-name = Give the names or addresses clients use to reach the server (--name).
nts-too-many-names = Too many names for one certificate.
nts-bad-name = “{ $value }” is not a host name or an IP address.
nts-bad-certificate = That file holds no PEM certificate.
nts-bad-key = That file holds no PEM private key.
nts-ca-key-mismatch = The CA's key does not belong to its certificate.
nts-generate-failed = The certificate could not be made: { $value }.
nts-unknown-group = There is no group “{ $value }”.
nts-bad-days = --days needs a whole number of days (negative: already expired), not “{ $value }”.
nts-out-untrusted = { $dir } is not a safe place for keys: { $why ->
        [owner] { $path } belongs to { $owner }
        [special] { $path } is not a regular file or directory
        [loop] { $path } leads through too many symbolic links
       *[writable] users other than its owner can write to { $path }
    }. Certificates and keys go only into a directory that you or root own and nobody else can write, and so must be every directory above it. Nothing was written.
nts-wrote = wrote { $path }
nts-backup = kept the previous file as { $path }
nts-lines-server = chrony.conf of the NTS server:
nts-lines-client = chrony.conf of its clients (with ca.crt copied to each):
nts-renew-restart = chronyd reads a new certificate when it starts: restart it (the helper does so on Renew).
nts-cert-valid-until = { $path }: for { $names }, valid until { $date } ({ $days } days left).
nts-cert-expiring = { $path }: for { $names }, valid until { $date } ({ $days } days left). It ends within { $warn } days: renew it now (stratum nts renew) and install the new one, as NTS clients refuse it once it has ended.
nts-cert-expired-on = { $path }: for { $names }, EXPIRED on { $date } ({ $days } days ago).
nts-cert-not-yet-valid = { $path }: for { $names }, NOT VALID YET: valid only from { $from } (in { $days } days) until { $date }; NTS clients refuse it until then.
leap-list-valid-until = Leap second list { $path }: valid until { $date } ({ $days } days left).
leap-list-expired-on = Leap second list { $path }: expired on { $date }, { $days } days ago; update tzdata (or the file) and restart chronyd.
leap-list-unusable = Leap second list { $path }: chronyd cannot use it (see stratum config lint).
leap-list-next = Next leap second in the list: { $kind ->
        [insert] one inserted
       *[delete] one deleted
    } at the end of { $date } (UTC).
leap-pending = Leap second pending: one { $kind ->
        [insert] inserted
       *[delete] deleted
    } at the end of { $date } UTC, in { $hours } h { $minutes } min.
refclock-progress = sample { $n }/{ $total }: { $refid } { $clock } ms, { $against } { $trusted } ms
refclock-result = { $refid } against { $against }: { $samples } samples, median difference { $median } ms (interquartile range { $iqr } ms, from { $min } to { $max } ms). Proposed offset { $offset } s (now { $current } s):
refclock-after = After the change: { $refid } against { $against }, median difference { $median } ms over { $samples } samples.
refclock-not-configured = No refclock with refid { $refid } in the helper's configuration (a refclock's refid option, or its default such as SHM0).
refclock-no-samples = { $refid } gave { $count } usable samples beside a trusted source in { $seconds } s: is it running, and is another source selected (or named with --against)?
gpsd-version = gpsd { $release } at { $host }
gpsd-no-devices = gpsd reads no receiver: is the device given to gpsd (DEVICES in /etc/default/gpsd) and plugged in?
gpsd-device = { $path } ({ $driver }): { $fix ->
        [3] 3D fix
        [2] 2D fix
       *[other] no fix
    }, { $used } of { $seen } satellites used, PPS { $pps ->
        [yes] seen
       *[no] not seen
    }
gpsd-refclocks = chrony.conf lines for gpsd's time (the SHM units are those of a gpsd started as root, in the order it reads the devices; started as another user it begins at SHM 2. Start chronyd before gpsd: gpsd connects to chronyd's sockets when it opens a device given on its command line, and a device it adds later looks in /tmp instead):
gpsd-no-shm-pty = {"  "}{ $path } is a pseudo-terminal (pty: socat, ser2net, gpsfake): gpsd gives it no shared memory segment (SHM) and feeds chronyd nothing of its time (“don't talk to NTP when we're running inside the test harness”). For chronyd, connect the receiver to a serial or USB port.
gpsd-no-shm-network = {"  "}{ $path } is a network source: gpsd { $release } gives it no shared memory segment (SHM) and feeds chronyd nothing of its time (gpsd 3.22, 3.23 and 3.25 on give it one).
gpsd-no-shm-ntrip = {"  "}{ $path } is an NTRIP caster's corrections, not time: gpsd { $release } gives it no shared memory segment (SHM).
gpsd-no-shm-file = {"  "}{ $path } is a file or a pipe: gpsd { $release } gives it no shared memory segment (SHM) and feeds chronyd nothing of its time.
gpsd-no-refclocks = No refclock line: gpsd feeds chronyd the time of none of these receivers.
gpsd-unreachable = gpsd does not answer at { $host } ({ $reason }): is gpsd running (systemctl status gpsd)?
stats-series = { $series }: { $n } values, { $first } – { $last } UTC ({ $unit })
stats-series-count = { $series }: { $n } values, { $first } – { $last } UTC
stats-of-source = { $series } of { $source }
stats-sign-local-fast = {"  "}positive: the local clock is fast (ahead), as the log gives it
stats-sign-local-slow = {"  "}positive: the local clock is slow (behind), as the log gives it
stats-records = {"  "}records: { $duplicates } { $duplicates ->
        [one] duplicate
       *[other] duplicates
    } dropped, { $reordered } out of order, { $gaps } { $gaps ->
        [one] gap
       *[other] gaps
    }
stats-records-all = all { $series } series: { $duplicates } { $duplicates ->
        [one] duplicate
       *[other] duplicates
    } dropped, { $reordered } out of order, { $gaps } { $gaps ->
        [one] gap
       *[other] gaps
    }
stats-never-synchronised = { $path }: chronyd was not synchronised in { $records ->
        [one] its only record
       *[other] any of its { $records } records
    } (leap status “?”; chrony.conf(5), log tracking: “? unsynchronised”), so there is nothing to summarise yet.
stats-gaps = {"  "}gaps (intervals over 4 × the usual one; resampling step { $usual } s): { $seconds } s in all, the longest { $longest } s from { $start } UTC
stats-sketched = {"  "}(the percentiles are within ±{ $error } % of their value: the series has more values than are kept one by one)
stats-progress = Reading
stats-unreadable = { $path }: { $lines } { $lines ->
        [one] line is
       *[other] lines are
    } neither records nor headers (a record cut short, or a column that is no number); skipped.
stats-no-estimate = { $path }: { $records } tracking { $records ->
        [one] record was
       *[other] records were
    } written before chronyd had a frequency estimate (skew 1000000 ppm, frequency 0): left out of the frequency and skew series; their offsets are kept.
stats-unsynchronised = { $path }: { $records } tracking { $records ->
        [one] record was
       *[other] records were
    } written while chronyd was not synchronised (leap status “?”, chrony.conf(5) log tracking): left out, as they hold no measurement.
stats-refclock-samples = { $path }: the refclocks log's filtered samples (sequence “-”) are read, the ones chronyd uses for the clock; { $records } raw { $records ->
        [one] sample
       *[other] samples
    } of the driver left out (chrony.conf(5) log refclocks).
stats-refclock-raw-samples = { $path }: the refclocks log's raw samples are read, each the driver's own measurement (“Local clock error measured by reference clock driver”, chrony.conf(5) log refclocks); { $records } filtered { $records ->
        [one] sample
       *[other] samples
    } left out.
stats-dropped = { $records } { $records ->
        [one] record
       *[other] records
    } of sources beyond the first { $max } were not read.
stats-overlapping-logs = { $path } and { $other } both have records from { $from } to { $to } (UTC), and not the same ones: the rotated copies of one log follow each other and a saved copy repeats the log's records verbatim, so these look like the logs of two hosts (or of two chronyd daemons), whose records merged into one series would mean nothing. Nothing was computed: give stratum stats the logs of one chronyd at a time.
stats-copied-records = { $path }: { $records } { $records ->
        [one] record repeats
       *[other] records repeat
    } verbatim the records of another file given, of the same times (a copy of the same chronyd's log): dropped as duplicates, each record read once.
stats-same-file = { $path } is the same file as { $other }: it is read once.
stats-other-log = { $path } is chronyd's { $log } log; stratum stats reads the tracking, measurements, statistics and refclocks logs and Stratum's CSV exports.
stats-compressed = { $path } is compressed ({ $format }): decompress it first (zcat, xzcat, bzcat or zstdcat).
stats-utf16 = { $path } is UTF-16 text: save it as UTF-8 (or ASCII) first.
stats-stats-csv = { $path } holds statistics written by stratum stats, not a series.
stats-deviations-head = {"  "}       τ/s      OADEV [68 % interval]          MDEV       TDEV  noise
stats-noise-white-pm = white PM
stats-noise-white-fm = white FM
stats-noise-flicker-fm = flicker FM
stats-noise-random-walk-fm = random-walk FM
stats-not-a-file = { $path } is not a regular file (a FIFO, a device or a directory): stratum stats reads files only.
stats-no-series = { $path } is a { $log } log, which has no { $series } column; its series: { $have }.
stats-bad-series = “{ $value }” is not a series: { $series } (stratum stats --help lists each log's).
stats-unknown-file = { $path } is neither a chronyd log (tracking, measurements, statistics, refclocks) nor a Stratum CSV export: none of its first lines is a record of one.
stats-empty = No { $series } values were found in the files.
stats-label-min = min
stats-label-p1 = 1%
stats-label-p5 = 5%
stats-label-p50 = 50%
stats-label-p95 = 95%
stats-label-p99 = 99%
stats-label-max = max
stats-label-range90 = 90% range
stats-label-range98 = 98% range
stats-label-mean = mean
stats-label-sd = σ
stats-label-skewness = skewness
stats-label-kurtosis = excess kurtosis

## The command line's help: the texts of the declaration in src/cli/args.rs
## and src/helper/cli.rs (cli-about-COMMAND, cli-arg-COMMAND-OPTION, shared
## cli-arg-OPTION, notes cli-after-COMMAND).
cli-heading-usage = Usage:
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-heading-commands = Commands
cli-heading-line = { $heading }:
cli-arg-help = Print this help
cli-arg-version = Print the version
cli-arg-lang = The language of messages and help (default: the locale's; LANG=zh_CN.UTF-8 for Chinese)
cli-arg-socket = The helper's socket (default: the system helper's, then your lab's)
cli-arg-connect = A helper on another machine, reached with ssh -T (or $STRATUM_SSH) running stratum-helper --stdio there
cli-arg-json = Print JSON
cli-arg-format = The output format
cli-about-stratum = Stratum — a control panel for chrony time servers. With no command it opens the window (connecting to a helper, or starting a lab).
cli-after-stratum = “stratum COMMAND --help” says more about each command.
cli-about-help = Print this help
cli-about-config = Check, edit, apply and write chrony.conf files
cli-about-config-lint = Check chrony.conf files: errors (chronyd would refuse them), warnings, hints
cli-after-config-lint =
    Checks chrony.conf files and the files they include, with the rules of the installed chronyd
    (or the release named with --chrony-version): errors are what chronyd refuses, warnings what
    silently does not do what you meant, hints what could be better. Two files are also compared
    as a peer pair.
    Exit 0: no errors (warnings allowed); 1: errors found; 2: a file cannot be read or bad usage.
cli-arg-config-lint-files = The chrony.conf files to check
cli-arg-config-lint-chrony-version = Judge by the rules of this chrony release instead of the installed one
cli-about-config-edit = Edit a chrony.conf: only the edited lines change
cli-after-config-edit =
    Prints the edited file (--in-place writes it atomically and keeps FILE.bak); with no edit it
    prints FILE byte for byte. The edits apply in the order given. --local-stratum, --orphan and
    --distance change only what they name on the local line; --set replaces the line in effect of
    a directive a file has once (bindaddress, bindacqaddress and bindcmdaddress: once per address
    family). Bad input is refused with exit 2 and nothing is written; so is a source to remove that
    is not there.
cli-arg-config-edit-file = The chrony.conf to edit
cli-arg-config-edit-add-server = Add a server line (the host and its options, as chrony.conf writes them)
cli-arg-config-edit-add-pool = Add a pool line
cli-arg-config-edit-add-peer = Add a peer line
cli-arg-config-edit-remove-server = Remove the source with this host
cli-arg-config-edit-allow = Serve NTP to this subnet or address
cli-arg-config-edit-deny = Refuse NTP to this subnet or address
cli-arg-config-edit-local-stratum = Serve the local clock at this stratum (1 to 15) when no source is selected
cli-arg-config-edit-orphan = Local in orphan mode (servers of one stratum agree on one of them)
cli-arg-config-edit-no-orphan = Local without orphan mode
cli-arg-config-edit-distance = The local line's distance (seconds, 0 or more)
cli-arg-config-edit-makestep = Step the clock when it is off by more than THRESHOLD seconds, in the first LIMIT updates (-1: always)
cli-arg-config-edit-log = What chronyd logs (tracking, measurements, statistics, …)
cli-arg-config-edit-set = Set a directive a file has once (its name and arguments)
cli-arg-config-edit-unset = Remove a directive a file has once
cli-arg-config-edit-in-place = Write the file (keeping FILE.bak) instead of printing it
cli-about-config-apply = Hand a chrony.conf to the running helper (checked, backed up, applied)
cli-after-config-apply =
    Hands FILE to the running helper: lint, chronyd's own check, a backup, an atomic write, the
    change applied live over chrony's control protocol or by a restart, and a rollback byte for
    byte when chronyd does not come up. Exit 0 only when applied.
cli-arg-config-apply-file = The chrony.conf to apply
cli-about-config-init = Print a chrony.conf for a lab role, as the Guided setup writes it
cli-after-config-init =
    The roles:
      isolated   serves its own clock to --subnet
      upstream   follows each --upstream and serves --subnet (its own clock when they are gone)
      client     follows the lab server(s) --server
      pair       one server of a primary/backup pair: --upstream, --subnet and the other --peer
      gps        a stratum-1 server: the time gpsd reads from --gps-device (the first receiver gpsd
                 reads, on a serial or USB port, its time in SHM 0), the kernel PPS of --pps-device read by chronyd and locked
                 to it, each --upstream as a sanity check, serving --subnet
    The result is checked with the installed chronyd's rules (findings on stderr).
    Exit 0: written; 1: the result has an error chronyd would refuse; 2: bad input.
cli-arg-config-init-role = The lab role
cli-arg-config-init-upstream = An upstream server to follow (repeat)
cli-arg-config-init-subnet = A subnet to serve (repeat)
cli-arg-config-init-server = A lab server a client follows (repeat)
cli-arg-config-init-peer = The other server of a pair
cli-arg-config-init-gps-device = The GPS receiver's device as gpsd reads it
cli-arg-config-init-pps-device = The PPS device
cli-arg-config-init-nmea-fallback = With PPS: let the NMEA time be selected when PPS is gone
cli-about-status = One snapshot of chronyd from a running helper, as chronyc prints it, or as JSON
cli-after-status =
    JSON "system_time" is chronyd's correction in seconds: positive when the system clock is behind
    NTP time (chronyc: "slow"), negative when ahead ("fast").
    Exit 0: a whole snapshot, healthy; 1: a whole snapshot with an alarm raised (or still starting);
    2: no helper answers or bad usage; 3: chronyd did not answer in full.
    The first lines (JSON "health") give the verdict: healthy, starting, warning or critical, and why.
cli-about-fleet = Every chronyd the helper watches (stratum-helper --watch HOST[:PORT])
cli-after-fleet = For each: stratum, reference, system time (positive: the clock is behind), frequency, and why a host does not answer.
cli-about-export = Configurations for servers, clients, switches and firewalls, from the lab server's chrony.conf
cli-after-export =
    --server is the lab server's address as clients and devices see it. The formats:
    { $formats }
    --ntpd-version 4.2.6 writes an ntp.conf CentOS 7's ntpd reads (no “restrict source”).
    --nts: chrony clients authenticate the server with NTS (its ntsport from FILE); --ca is where the
    clients keep the CA that signed the server's certificate (stratum nts init writes it as ca.crt).
    Firewall rules open NTS-KE (TCP) too when FILE has ntsservercert.
    What a format cannot express is printed as a note on stderr.
cli-arg-export-file = The lab server's chrony.conf
cli-arg-export-to = The format to write (listed below)
cli-arg-export-server = The lab server's address as clients see it (repeat for primary and backup)
cli-arg-export-role = Which server of a pair the chrony-server and ntp exports are for
cli-arg-export-peer = The other server of the pair
cli-arg-export-source-interface = The switch interface NTP is sent from
cli-arg-export-key = A symmetric key for the switch formats
cli-arg-export-vrf = The switch VRF NTP runs in
cli-arg-export-ntpd-version = The ntpd release an ntp.conf is for
cli-arg-export-nts = Clients authenticate the server with NTS
cli-arg-export-ca = Where the clients keep the CA of the server's certificate
cli-arg-export-out = Write to this file instead of standard output
cli-about-export-bundle = Every server's, client's and device's configuration of a lab, from its description
cli-arg-export-bundle-lab = The lab's description (TOML)
cli-arg-export-bundle-out = The directory to write the bundle to
cli-about-export-alerts = Alerting rules for Prometheus over the metrics of stratum metrics
cli-after-export-alerts =
    The rules: a server silent, unsynchronised, above --max-stratum, the clock off by more than
    --offset-warn or --offset-crit, an NTP source unreachable, a reference clock without samples
    for two polls, an NTS certificate within --cert-days of its end or expired, the leap second
    list within --leap-days of its end. Check them with promtool check rules FILE.
cli-arg-export-alerts-to = The rule format: prometheus, the only one and the default
cli-arg-export-alerts-offset-warn = Warn when the clock is off by more than this (default 0.1)
cli-arg-export-alerts-offset-crit = Critical when the clock is off by more than this (default 1)
cli-arg-export-alerts-max-stratum = Warn above this stratum (default 10)
cli-arg-export-alerts-cert-days = Warn this many days before an NTS certificate's end (default 30)
cli-arg-export-alerts-leap-days = Warn this many days before the leap second list's end (default 30)
cli-arg-export-alerts-silent-minutes = Alert when a server has not answered for this long (default 5)
cli-arg-export-alerts-out = Write to this file instead of standard output
cli-about-explain = Annotate chronyc, ntpq, ntpstat, timedatectl or switch NTP output
cli-after-explain =
    Reads pasted output of chronyc (text and -c), ntpq, ntpstat, timedatectl and the NTP commands of
    Cisco IOS/NX-OS, Huawei VRP, H3C Comware, Junos and Arista EOS; names every field, judges each
    value and says what is wrong and how to fix it. A paste of several outputs (such as
    “stratum status”) is read block by block; with --format json it is then an array.
    A “chronyc clients” list is also read against the roster (--roster, else the lab's roster
    when there is one): which expected devices poll the server, which do not, who is unknown.
cli-arg-explain-roster = The roster to read a client list against (default: the lab's, if any)
cli-about-roster = The devices expected to follow this server, and whether each does
cli-after-roster =
    Kept beside the server's chrony.conf (stratum.toml). Each device: polls us (from chronyd's client
    list), follows us (its own NTP reply: stratum, reference, offset), follows another server, or
    does not poll. With no command: list.
    --file: edit an intent file directly, without a helper (no verdicts).
cli-arg-roster-file = Edit this intent file directly, without a helper (no verdicts)
cli-about-roster-add = Put a device on the roster
cli-after-roster-add = ADDR is HOST, HOST:PORT or [IPv6]:PORT (NTP port 123 unless given).
cli-arg-roster-name = The device's name on the roster
cli-arg-roster-add-address = Where the device answers NTP: HOST, HOST:PORT or [IPv6]:PORT
cli-arg-roster-kind = What the device runs
cli-about-roster-remove = Take a device off the roster
cli-about-roster-list = The devices on the roster, each with its verdict
cli-about-roster-probe = Ask the devices for their time now (4 queries, 2 s apart; once a minute per device at most)
cli-arg-roster-probe-name = The device to ask (default: every device)
cli-about-roster-import = Add the switches (those with a source address) and server addresses of an export bundle
cli-arg-roster-import-lab = The export bundle's description
cli-arg-explain-file = The output to explain (- or none: standard input)
cli-about-metrics = Serve the Prometheus page (chrony_exporter's names) as this user, apart from the helper
cli-after-metrics =
    Serves the Prometheus text format on http://ADDR:PORT/metrics with chrony_exporter's
    metric names and a “server” label: “local” for the helper's chronyd, HOST:PORT for each
    chronyd it watches. It runs as the user who starts it (packaging/stratum-metrics.service
    runs it as a dynamic user) and shows what the helper's socket shows that user: server
    statistics only to root, the admin group and chrony's group. When the helper is
    unreachable the page says chrony_up{"{"}server="local"{"}"} 0 and it reconnects.
cli-arg-metrics-listen = The address and port to serve on
cli-about-nts = Certificates for an NTS server and the chrony.conf lines they need
cli-about-nts-init = A private CA (or the one given) and a server certificate for the names clients use
cli-after-nts-init =
    Written to DIR: ca.crt, ca.key (0600), server.crt, server.key (0600; 0640 root:chrony's group
    when run as root, as chronyd reads it after dropping root). A file replaced is backed up beside
    it first. Prints the chrony.conf lines of the server and of its clients.
cli-arg-nts-init-name = The names and addresses clients use (comma-separated or repeated)
cli-arg-nts-init-ca = Sign with this CA (certificate and key) instead of a new one
cli-arg-nts-out = The directory of the certificates
cli-arg-nts-days = The server certificate's life in days (default 365; negative: already expired)
cli-arg-nts-group = The group that may read the server key (default as root: chrony's)
cli-arg-nts-dump-dir = chronyd's ntsdumpdir in the printed lines
cli-arg-nts-ntsport = The NTS-KE port in the printed lines
cli-about-nts-renew = A new server certificate for the same names from the CA in DIR
cli-after-nts-renew = Clients keep trusting it. chronyd loads a certificate when it starts: restart it (with ntsdumpdir its keys survive, and clients keep their cookies).
cli-about-nts-show = The names and validity of a certificate (exit 1 when it has expired)
cli-arg-nts-show-file = The certificate (PEM)
cli-about-refclock = Reference clocks
cli-about-refclock-calibrate = Measure a reference clock against a trusted source and propose its offset option
cli-after-refclock-calibrate =
    Runs the reference clock REFID (usually noselect, as an NMEA clock beside its PPS) beside a
    trusted source: the selected source, or --against NAME. Each new sample of the clock is paired
    with the trusted source's last sample; after N samples it prints the median difference, its
    spread, and the refclock line with the offset option that removes it. --apply writes that line
    through the helper and measures again. A clock whose time arrives late (NMEA) gets a positive
    offset.
cli-arg-refclock-calibrate-refid = The reference clock's refid
cli-arg-refclock-calibrate-against = The trusted source (a refid, an address or a name; default: the selected one)
cli-arg-refclock-calibrate-samples = How many samples (default 16)
cli-arg-refclock-calibrate-timeout = Give up after this many seconds (default 600)
cli-arg-refclock-calibrate-apply = Write the proposed line through the helper and measure again
cli-about-gpsd = The receivers gpsd reads (fix, satellites, PPS) and the refclock lines for them
cli-after-gpsd =
    Asks gpsd for its JSON reports for N seconds and prints each receiver gpsd reads: its fix, the
    satellites used, whether a PPS is seen; then the refclock lines that take gpsd's time into
    chronyd: a receiver's own (NMEA) time from gpsd's shared memory, the PPS gpsd sees on a
    receiver's serial port from its socket /run/chrony.DEVICE.sock, and a kernel PPS device (which
    is no receiver) read by chronyd itself, locked to the first receiver. gpsd started as root
    gives the devices segments in the order it opens them: a receiver on a serial or USB port two,
    one for its time and one for its PPS (the first receiver SHM 0 and 1, the next SHM 2 and 3), a
    kernel PPS device one, a network source one for its time (none in gpsd 3.24), and a receiver
    on a pseudo-terminal (/dev/pts/N: socat, ser2net, gpsfake) none: its time never reaches
    chronyd, and the output says so. Started as another user, gpsd begins at SHM 2.
    Exit 0: receivers found; 1: gpsd answers but reads no receiver; 2: gpsd does not answer.
cli-arg-gpsd-host = gpsd's address (default 127.0.0.1:2947)
cli-arg-gpsd-seconds = How long to listen (default 3)
cli-about-stats = Summary, percentiles and Allan/modified Allan/time deviations of chronyd's logs
cli-after-stats =
    Statistics of a series from chronyd's tracking, measurements, statistics or refclocks logs (any name,
    rotated copies, any chrony 4 release: each file is recognised by its banner or its records)
    or Stratum's CSV exports: the ntpviz summary (percentiles, 90 % and 98 % ranges, mean, σ,
    skewness, excess kurtosis), a histogram, duplicate and out-of-order records and gaps (intervals
    over 4 × the usual one), and for offset and frequency OADEV, MDEV and TDEV at octave τ with 68 %
    confidence intervals and the noise type the ADEV slope shows. Uneven updates are resampled
    (median interval, linear), never across a gap. Files of any size are read twice (times, then
    values) in fixed memory; past a million values the percentiles come from a sketch whose error
    is printed. Offsets are as each log gives them (tracking and statistics: positive when the
    local clock is fast; measurements: positive when it is slow). JSON: the system's series under
    "series", then NAME; each source's under "sources", then ADDRESS, then NAME; NAME as given.
    The series of each log, every numeric column chrony.conf(5)'s log directive describes (the
    column of chronyd's banner in parentheses):
      tracking      stratum (St), frequency (Freq ppm), skew, offset, combined-sources (Co),
                    std-dev (Offset sd), correction (Rem. corr.), root-delay, root-dispersion,
                    max-error (Max. error)
      measurements  stratum (St), poll (LP), remote-poll (RP), score, offset, delay (Peer del.),
                    dispersion (Peer disp.), root-delay, root-dispersion
      statistics    std-dev (Std dev'n), offset (Est offset), offset-sd (Offset sd),
                    frequency (Diff freq), skew (Est skew), stress, samples (Ns),
                    start-index (Bs), runs (Nr), asymmetry (Asym)
      refclocks     raw-offset (Raw offset, of the raw samples), offset (Cooked offset),
                    dispersion (Disp.)
    Stratum's CSV exports hold the series of the history under the same names.
cli-arg-stats-files = chronyd's logs or Stratum's CSV exports
cli-arg-stats-series = The series (default offset; each log's are listed below)
cli-about-completions = Print the shell's completion script for stratum
cli-after-completions = For example: stratum completions bash > /etc/bash_completion.d/stratum (the packages install them).
cli-arg-completions-shell = The shell
cli-about-stratum-helper = The privileged helper that runs chronyd for Stratum and serves the window and the command line.
cli-after-stratum-helper = Logs go to standard error (journald under systemd); RUST_LOG=debug shows more.
cli-arg-stratum-helper-lab = Run an own chronyd with -x (never the system clock), files under the user's data directory, NTP on an unprivileged port (default when not root)
cli-arg-stratum-helper-system = Manage the distribution's chronyd and its chrony.conf (default as root)
cli-arg-stratum-helper-config = Lab: start from this chrony.conf; system: the chrony.conf to manage (default /etc/chrony/chrony.conf or /etc/chrony.conf)
cli-arg-stratum-helper-socket = The helper's socket (default /run/stratum/helper.sock as root, $XDG_RUNTIME_DIR/stratum/helper.sock otherwise)
cli-arg-stratum-helper-data-dir = History, backups (lab) and the lab's chronyd files
cli-arg-stratum-helper-ntp-port = Lab: the NTP port lab clients use (the lab chronyd's port directive; default 11123)
cli-arg-stratum-helper-poll-interval = Seconds between polls of chronyd (default 1)
cli-arg-stratum-helper-chronyd = Which chronyd to run and whose rules apply (default: $STRATUM_CHRONYD, /usr/sbin/chronyd, then PATH)
cli-arg-stratum-helper-own-chronyd = System: run chronyd as the helper's child instead of through systemctl
cli-arg-stratum-helper-chronyd-arg = An extra chronyd argument (repeat), e.g. --chronyd-arg=-u --chronyd-arg=_chrony
cli-arg-stratum-helper-admin-group = Members may change chrony (default in system mode: stratum); this group is root-equivalent for time
cli-arg-stratum-helper-allow-path = System: also let chronyd read and write under DIR (repeat)
cli-arg-stratum-helper-keep-backups = Backups of chrony.conf kept (default 20)
cli-arg-stratum-helper-import-logs = Import history from chronyd's log directory at start
cli-arg-stratum-helper-watch = Also watch this chronyd over UDP cmdmon (repeat; port 323 by default); its cmdallow must let this machine in
cli-arg-stratum-helper-watch-file = Watch every HOST[:PORT] listed in FILE (one a line; default: “watch” in the data directory when it exists)
cli-arg-stratum-helper-metrics-listen = Serve Prometheus metrics (chrony_exporter's names, a server label)
cli-arg-stratum-helper-stdio = Join standard input and output to the helper at --socket (what ssh runs for stratum --connect ssh://…)
cli-conflict = { $option } cannot be used with { $other }.
cli-bad-shell = Completions are for bash, zsh or fish, not “{ $value }”.
