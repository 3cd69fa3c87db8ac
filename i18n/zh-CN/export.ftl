# 导出文字。

export-header = 由 Stratum 根据 { $file } 生成（{ $format }）
export-note = 注意
export-bad-format = 未知的导出格式“{ $value }”：请使用 chrony-server、chrony-client、ntp、cisco-ios、cisco-nxos、huawei-vrp、h3c-comware、juniper-junos、arista-eos、firewalld、ufw 或 nftables。
export-needs-format = 请用 --to 格式 指定导出格式。
export-bad-role = 角色必须是 primary 或 backup，而不是“{ $value }”。
export-bad-server = “{ $value }”不是主机名或 IP 地址。
export-bad-key = 密钥格式应为 ID:类型:密钥，ID 为 1 到 65535，类型为 md5、sha1 或 sha256，密钥最多 64 个可打印字符且不含引号和空格（收到“{ $value }”）。
export-bad-interface = “{ $value }”不是接口名。
export-bad-vrf = “{ $value }”不是 VRF 或 VPN 实例名。
export-no-server = 此格式指向实验服务器：请用 --server 给出其地址（主备各一次）。
export-backup-needs-peer = 备用服务器与主服务器互为对等体：请用 --peer 给出主服务器地址。
export-bundle-needs-out = 请用 --out 目录 指定导出包的目录。
export-bad-lab = { $path } 不是有效的实验环境描述：{ $reason }
export-bad-switch-name = “{ $value }”不能作为文件名（只能使用字母、数字、- _ .）。
export-note-option-dropped = { $host } 的“{ $option }”选项在此格式中没有对应项，已省略。
export-note-makestep-ntp = ntpd 没有 makestep：请用 -g 参数启动，以允许首次大幅校正。
export-note-rtcsync-ntp = ntpd 没有 rtcsync；ntpd 同步时，内核的 11 分钟模式会保持 RTC 同步。
export-note-ratelimit-ntp = chrony 的 ratelimit 对应 restrict 的“limited”标志和“discard average”；若客户端被限速请调整。
export-note-orphan-ntp = 上游不可达时，ntpd 通过孤儿模式（tos orphan）以层级 { $stratum } 提供时间，与 chrony 的 local 指令类似。
export-note-no-upstream = 实验服务器没有上游时间源，导出的配置只提供本地时钟。
export-note-allow-all = 实验服务器允许所有地址，导出的配置同样如此。
export-note-key-file = 请把这一行加入 { $file }（仅 root 和 chrony 可读）：{ $line }
export-note-key-type = { $format } 不支持 { $type } 密钥，已省略该密钥。
export-note-junos-source = Junos 需要源地址而不是接口：请把“system ntp source-address”设为 { $interface } 的地址。
export-note-backup-stratum = 备用服务器以层级 { $backup } 提供时间，层级数值比主服务器的 { $primary } 大 1（数值越大越不优先），使客户端优先选择主服务器。
export-note-no-allow = 实验服务器没有允许任何客户端网段：请添加 allow 行，否则客户端和防火墙规则都无法生效。
export-note-peer-orphan = 对等服务器使用“orphan”，以便在上游全部不可达时协商出同一个时间源。
bundle-readme-title = # 实验环境时间服务（{ $primary }）

    请把每个文件复制到对应的主机或设备上。
bundle-readme-primary = 主服务器的 chrony.conf（Debian 和 Ubuntu 上为 /etc/chrony/chrony.conf，RHEL、Rocky 和 CentOS 上为 /etc/chrony.conf）。
bundle-readme-backup = 备用服务器的 chrony.conf，它与主服务器互为对等体。
bundle-readme-clients = 所有客户端机器的 chrony.conf。
bundle-readme-firewall = 在服务器上为客户端网段开放 UDP 123 端口的命令。
bundle-readme-switch = 该交换机的配置命令。
bundle-written = 已向 { $dir } 写入 { $count } 个文件。
export-note-port = 交换机只查询 123 端口；{ $host } 必须在 123 端口而不是 { $port } 上提供 NTP 服务。
export-server-not-used = --server 指的是客户端和设备所见的实验服务器地址；服务器自己的 { $format } 配置用不到它。如需生成其客户端的配置，请使用 --to chrony-client 或 --to ntp-client。
export-note-ntp-port = ntpd 总是使用 123 端口：{ $server } 指定了其他端口，ntpd 客户端无法使用。
export-note-peer-name = 对等体 { $peer } 是名称：防火墙规则需要其地址，请手动放行来自它的 UDP 123。
export-note-switch-source = 交换机 { $switch } 从 { $interface } 的地址向服务器请求时间：请把该地址加入 client_subnets（或 source_address），使 chrony 和防火墙放行它。
bundle-readme-ansible = 整个实验环境的 Ansible：`cd ansible && ansible-playbook -i inventory.ini playbook.yml` 会安装 chrony、放置各主机的 chrony.conf、重启 chronyd 并检查其是否应答（加上 `-e open_firewall=true` 可同时应用 nftables 规则）。
bundle-readme-monitor = 监控主机的监视列表：`stratum-helper --watch-file monitor/watch`（或复制到辅助进程数据目录并命名为 `watch`）会监视实验环境中的每台服务器。
