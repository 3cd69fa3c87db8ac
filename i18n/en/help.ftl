# The guide to each panel (F1, or Help in the navigation). Paragraphs are
# separated by a blank line; the chronyc(1) and chrony.conf(5) terms each
# guide uses are linked below it.

gui-help = Help
gui-help-hint = A short guide to the panel in view (F1).
gui-help-title = Help: { $panel }
gui-help-terms = In chrony's manual (for the release this window manages):
gui-help-close-hint = Closes the guide (F1 or Esc also close it).
help-overview =
    The Overview answers one question: does this server give its clients the right time? The headline is the verdict; below it, how far the system clock is from true time and within what bound, which source it follows and when it was last updated.

    The cards are the findings, worst first, each with what to do. The table is chronyc's tracking report, each field with its meaning on hover. Burst polls every source now; Step the clock corrects a large offset at once (never in a lab, whose chronyd never touches the clock).
help-sources =
    One row per time source, as chronyc sources and sourcestats show them: its state (* selected, + combined, - not combined, ? unusable, x falseticker, ~ too variable), how often it answers (reach, in octal: 377 is the last eight polls answered) and its offset with its error bound.

    Why each source is or is not selected is chronyd's own word (selectdata); authentication (authdata) says whether NTS or a key protects it. Click a value for its meaning.
help-clients =
    Every machine that asked this server for time, with how many requests it sent, how many were dropped (rate limiting) and how long ago the last came. Click a column's name to sort by it; the filter keeps the addresses that contain what you type.
help-plots =
    The system clock against NTP time and each source's offset with its error band, the frequency and the skew, over 5 minutes to 7 days. Follow keeps the newest data in view; Pause holds a window to read it. The series export as CSV and the plots as a picture.
help-statistics =
    The statistics timing engineers use, for one series over a window: its distribution (percentiles, mean, σ), a histogram, and the Allan, modified Allan and time deviations against the averaging time τ. The slope of the Allan deviation names the kind of noise; a series that does not change has none.
help-fleet =
    Every chronyd the helper watches over UDP 323, one row each: whether it answers, its stratum, whom it follows and its offset. A server whose reference is another row's address follows it. Click a row to see its sources and its offset over time. The last column names the roster devices that keep its time (from their own NTP answers).
help-roster =
    The devices expected to follow this server (clients, ntpd hosts, switches), kept beside its chrony.conf, and whether each does: it polls this server (chronyd's client list) and its own NTP answer names this server as its reference. A device that does not poll gets the likely causes for its kind; a switch that polls but does not answer NTP queries is not an error. Ask now queries a device at once (4 queries, 2 s apart, once a minute at most); the switches of a lab bundle can be added in one step.
help-setup =
    Pick what this machine should be in the lab and fill in the few fields it asks for; the file it makes is shown with its check. Use this configuration puts it in the editor to review under Apply; Apply to the lab now applies it at once.

    Every server of the lab serves its own clock when its upstreams are gone (local stratum 10 orphan), so that clients always get time; the two servers of a pair use the same line, as chrony.conf(5) asks.
help-upstreams =
    The servers this machine takes time from: server for one machine, pool for a name that stands for several, peer for a partner of a pair. iburst makes the first synchronisation quick; prefer chooses among equals. The live state column says whether chronyd reaches each one.
help-access =
    chronyd serves time only to the networks an allow line names; deny takes some back. Type a subnet such as 10.0.0.0/24 and press Enter or Add; the networks of this machine are offered below.
help-stratum =
    Without a local line a lab server with no reachable upstream says "not synchronised", and its clients refuse it. With local, it serves its own clock at the stratum you give (10 is usual: far from true time). Orphan lets several servers agree on one of them; Distance sets how bad the upstreams must get before the local clock is used.
help-peers =
    A primary and a backup poll each other (peer) and follow one rule from chrony.conf(5): every server of the group has the same local stratum N orphan line. While no upstream answers, the server with the smallest reference ID (for IPv4, the smallest address) serves its clock and the other follows it; clients prefer the primary through prefer in their own file.
help-nts =
    Network Time Security lets clients check that their time comes from this server, unaltered. The server needs a certificate for the names its clients use, and the clients the CA that signed it. Create makes a private CA once and a certificate from it; Renew makes a new certificate from the same CA, so clients need nothing new.
help-advanced =
    The directives no other panel covers, and the whole file as text. Edits in the text keep every comment and unknown line; the check below says what chronyd would refuse.
help-apply =
    What changes in the file, line by line, and the check against the chronyd release in use. Apply to chronyd hands the file to the helper, which checks it, keeps a backup, writes it and changes chronyd live where it can, restarting it otherwise; if chronyd does not come back, the old file returns. Revert drops the edits.
help-explain =
    Paste what chronyc, ntpq, ntpstat, timedatectl or a switch printed: Stratum says what it is, what each field means, and what is wrong with what to do. Several outputs pasted one after another are explained one by one.
help-export =
    The lab's configuration for the other machines: this server's own file (and its backup's), its clients (chrony or ntpd), network switches (Huawei, H3C, Cisco IOS and NX-OS, Juniper, Arista) and firewalls. Pick a format; only the fields it uses are shown. Files for switches and firewalls are plain ASCII, as devices need.
help-settings =
    The language, the theme and text size, which helper this window talks to (this machine's, or another's over SSH), the chronyd a lab runs, and the window of the plots.
