//! Whether a silent source is a public server: one the reader does not run
//! (a pool or a cloud provider's), whose "allow" is never the cause — public
//! servers answer any client. Private, lab and local ones may lack it.

use std::net::IpAddr;

/// `name` (a source as chronyc prints it) is a public address, or a name
/// with a domain (a single label is a lab host's name).
pub(crate) fn is_public(name: &str) -> bool {
    let name = name.trim().trim_start_matches('[').trim_end_matches(']');
    match name.parse::<IpAddr>() {
        Ok(IpAddr::V4(a)) => {
            let [x, y, ..] = a.octets();
            // RFC 6598 shared (CGNAT) space: 100.64.0.0/10.
            let cgnat = x == 100 && (64..128).contains(&y);
            !(a.is_private()
                || a.is_loopback()
                || a.is_link_local()
                || a.is_unspecified()
                || a.is_broadcast()
                || cgnat)
        }
        Ok(IpAddr::V6(a)) => {
            let first = a.segments()[0];
            // fc00::/7 unique local, fe80::/10 link-local.
            let ula = first & 0xfe00 == 0xfc00;
            let link = first & 0xffc0 == 0xfe80;
            !(a.is_loopback() || a.is_unspecified() || ula || link)
        }
        Err(_) => {
            let lower = name.to_ascii_lowercase();
            let local = [".local", ".lan", ".internal", ".localdomain", ".home.arpa"]
                .iter()
                .any(|s| lower.ends_with(s));
            name.contains('.') && !local
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_public;

    #[test]
    fn public_servers_are_told_from_lab_ones() {
        for p in [
            "120.25.115.20",
            "203.107.6.88",
            "ntp.aliyun.com",
            "2001:4860::1",
        ] {
            assert!(is_public(p), "{p}");
        }
        for lab in [
            "192.168.0.5",
            "10.116.1.30",
            "172.16.3.4",
            "100.100.61.88",
            "127.0.0.1",
            "169.254.169.123",
            "fd00::5",
            "fe80::1",
            "::1",
            "ntp1",
            "server.lan",
        ] {
            assert!(!is_public(lab), "{lab}");
        }
    }
}
