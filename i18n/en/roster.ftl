# The roster: devices expected to follow this server (stratum roster, the Roster panel).
cli-roster-usage = Usage: stratum roster add NAME ADDR [--kind K] | remove NAME | list [--json] | probe [NAME] | import LAB.toml (stratum roster --help).
roster-error-name = “{ $value }” is not a device name: use letters, digits, “.”, “_” and “-”, at most 64 characters, not starting with “.” or “-”. Nothing was changed.
roster-error-address = “{ $value }” is not a device address: use HOST, HOST:PORT or [IPv6]:PORT. Nothing was changed.
roster-error-duplicate = A device named { $name } is already on the roster. Nothing was changed.
roster-error-no-device = No device named { $name } is on the roster. Nothing was changed.
roster-error-full = The roster holds { $max } devices at most. Nothing was changed.
roster-error-file = The intent file cannot be used: { $reason }. Nothing was changed.
roster-error-kind = “{ $value }” is not a device kind: chrony, ntpd, switch or other.
err-roster-edit = The roster edit was refused ({ $detail }).
roster-added = { $name } is on the roster.
roster-removed = { $name } is no longer on the roster.
roster-imported = { $count ->
        [one] 1 device
       *[other] { $count } devices
    } from the bundle; the roster holds { $total }.
roster-probing = Asking now: 4 queries, 2 s apart.
roster-file = Roster: { $path }
roster-empty = No device is on the roster (stratum roster add NAME ADDR).
roster-summary = { $following } of { $total } { $total ->
        [one] device follows
       *[other] devices follow
    } this server
roster-unknown = Unknown clients ({ $count }, not on the roster): { $list }
roster-verdict-follows-us = follows this server (offset { $offset }, since { $since })
roster-verdict-follows-partner = follows this server's pair partner { $reference } (offset { $offset }, since { $since })
roster-verdict-follows-other = polls us but follows another server ({ $reference })
roster-verdict-follows-other-silent = follows another server ({ $reference }) and does not poll us
roster-verdict-unsynchronised = answers but is not synchronised (stratum { $stratum }, leap { $leap }, root distance { $distance } s)
roster-verdict-polls-no-answer = polls us (last { $ago } ago) but does not answer NTP queries: { $why }
roster-verdict-polls-no-answer-switch = polls us (last { $ago } ago) but does not answer NTP queries ({ $why }): many switches do not serve NTP, this is not an error
roster-verdict-stopped = does not poll us any more (last request { $ago } ago, past 3× its interval)
roster-verdict-not-polling = does not poll this server
roster-verdict-itself = is this server itself (its address is this machine's): a server does not poll itself, so there is nothing to add here; list the devices that should follow this server
roster-verdict-unknown = not measured yet
roster-verdict-waiting = waiting for its first poll: this server has watched its clients for less than one poll interval, so no request from it yet means nothing
roster-short-follows-us = follows us
roster-short-follows-other = follows another server
roster-short-unsynchronised = not synchronised
roster-short-polls-no-answer = polls us, does not answer
roster-short-not-polling = does not poll
roster-short-unknown = not measured yet
roster-short-waiting = waiting for its first poll
roster-why-timeout = no answer
roster-why-refused = its NTP port was refused (ICMP port unreachable): no NTP service runs there, or a firewall rejects UDP 123
roster-why-unresolved = its name does not resolve
roster-why-kiss = it refuses our queries ({ $code })
roster-why-invalid = only invalid replies ({ $reason })
roster-cause-acl-here = This server's allow lines do not cover { $address }: add “allow { $address }” here, and remove any “deny” that covers it: chrony.conf(5) (allow, deny): the more specific rule wins, so a “deny” of this device (or of a smaller subnet holding it) keeps it out whatever “allow” says. “chronyc accheck { $address }” on this server shows whether it gets in.
roster-cause-no-reply = The device is off, or the address is wrong: it did not answer Stratum's query either ({ $why }).
roster-causes-chrony = Likely causes: the exported lines are not in its chrony.conf (or chronyd was not restarted), this server's allow lines, a firewall dropping UDP 123.
roster-causes-ntpd = Likely causes: the exported lines are not in its ntp.conf (or ntpd was not restarted), this server's allow lines, a firewall dropping UDP 123.
roster-causes-switch = Likely causes: the exported commands were not applied (or not saved), an ACL on the switch, it sends from another interface or VRF (source-interface, vrf), a firewall dropping UDP 123.
roster-causes-other = Likely causes: it is not set to use this server, this server's allow lines, a firewall dropping UDP 123.
roster-cause-other-address = { $count ->
        [one] 1 unknown client polls
       *[other] { $count } unknown clients poll
    } this server: one may be this device sending from another address.
roster-note-stratum = Its stratum is { $stratum }, not { $expected } (this server's + 1): it answered before this server's stratum changed, or it sets its own.
roster-note-drifting = Its offset { $offset } is past the alarm threshold.
roster-note-rate-limited = This server is dropping some of its requests (rate limiting).
roster-note-polls-elsewhere = It is not seen polling from its address: it reaches this server from another one.
roster-kind-chrony = chrony
roster-kind-ntpd = ntpd
roster-kind-switch = switch
roster-kind-other = other
alarm-roster-not-polling = Alarm: { $what } does not poll this server.
alarm-roster-follows-other = Alarm: { $what } follows another server.
alarm-roster-offset = Alarm: { $what } is off this server's time past the threshold.
gui-panel-roster = Roster
roster-gui-intro = The devices expected to follow this server, and whether each does. Kept in { $path }.
roster-gui-offline = The roster's verdicts need a helper this user may read clients from.
roster-gui-name = Name
roster-gui-address = Address
roster-gui-kind = Kind
roster-gui-verdict = Verdict
roster-gui-add = Add
roster-gui-remove = Remove { $name }
roster-gui-probe = Ask all now
roster-gui-probe-one = Ask { $name } now
roster-gui-import = Add the devices of a lab bundle…
roster-gui-add-unknown = Add { $address }
roster-gui-unknown = Unknown clients: { $count }
roster-gui-overview = Roster: { $following } of { $total } { $total ->
        [one] device follows
       *[other] devices follow
    } this server
export-note-client-answers = the client answers NTP queries from the lab server only (allow { $servers }), so the server can check that it follows it (Stratum's roster).
export-comment-client-answers = { $count ->
        [one] Only the lab server ({ $servers }) may ask this client for its time: from the answer, the server sees
       *[other] Only the lab servers ({ $servers }) may ask this client for its time: from the answer, each server sees
    } that the client follows it (Stratum's roster).
fleet-followers = followed by roster devices: { $names }
fleet-followers-none = no roster device follows it
gui-fleet-roster = Roster devices following it
explain-roster-title = The roster ({ $path }): { $polling } of { $total } { $total ->
        [one] device polls
       *[other] devices poll
    } this server in this list.
explain-roster-polls = { $name } ({ $address }) polls this server ({ $packets } NTP requests).
explain-roster-no-ntp = { $name } ({ $address }) is listed, but has sent no NTP request.
explain-roster-absent = { $name } ({ $address }) is not in this list: it does not poll this server.
explain-roster-unknown = Clients not on the roster: { $list }
roster-gui-empty = No device is on the roster yet: add one above, or the devices of a lab bundle.
roster-gui-address-hint = 10.0.0.11 or host:port
roster-gui-bundle = Lab bundle description
roster-gui-line = { $name } ({ $kind }, { $address }): { $verdict }
roster-gui-bundle-unreadable = The lab bundle’s description { $path } cannot be used: { $reason }. The roster is unchanged.
roster-cause-unresolved = Its name { $host } does not resolve on this machine: Stratum can neither ask it nor find it among this server's clients. Give its address, or a name your lab's DNS (or /etc/hosts) serves.
roster-gui-probing = Asking { $name } now: 4 queries, 2 s apart; the result shows on this line within { $secs } s.
roster-gui-probe-answered = { $name } answered: its line in the list is from this query.
roster-gui-probe-no-answer = No answer from { $address } after 4 queries: { $why }.
roster-gui-probe-timeout-cause = nothing came back, which proves nothing about the device: it may be off or unreachable, run no NTP server, or a firewall or ACL on the way may drop UDP port 123
