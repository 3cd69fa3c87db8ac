//! Network Time Security certificates (RFC 8915): a small private CA and a
//! server certificate for the names clients use, and what a certificate
//! file says (names, validity, whether a key belongs to it). Pure: the
//! caller gives the time and writes the files.

use std::net::IpAddr;

use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa,
    Issuer, KeyPair, KeyUsagePurpose, PublicKeyData, SanType,
};
use time::OffsetDateTime;
use x509_parser::prelude::{FromDer, GeneralName, ParsedExtension, X509Certificate};

/// A day in seconds.
const DAY: i64 = 86_400;

/// Whole days from `now` until `t`, a started day counting as one.
fn days_until(t: i64, now: i64) -> i64 {
    (t - now + DAY - 1).div_euclid(DAY)
}
/// A new CA lasts ten years: renewing the server certificate must not need
/// the clients to learn a new CA.
pub const CA_DAYS: i64 = 3650;
/// Default life of a server certificate.
pub const SERVER_DAYS: i64 = 365;
/// A certificate this close to its end is warned about.
pub const WARN_DAYS: i64 = 30;
/// At most this many names on one certificate (clients name the server by
/// one of them; more is a typo in a script).
pub const MAX_NAMES: usize = 64;
/// A PEM file larger than this is not a certificate or a key.
pub const MAX_PEM_BYTES: usize = 1 << 20;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NtsError {
    #[error("no name given")]
    NoName,
    #[error("too many names")]
    TooManyNames,
    #[error("not a host name or address: {0}")]
    BadName(String),
    #[error("not a PEM certificate")]
    BadCertificate,
    #[error("not a PEM private key")]
    BadKey,
    #[error("the CA's key does not belong to its certificate")]
    CaKeyMismatch,
    #[error("certificate generation failed: {0}")]
    Generate(String),
}

impl NtsError {
    /// The message id that tells the user (`$value` where there is one).
    pub fn message_id(&self) -> &'static str {
        match self {
            NtsError::NoName => "nts-no-name",
            NtsError::TooManyNames => "nts-too-many-names",
            NtsError::BadName(_) => "nts-bad-name",
            NtsError::BadCertificate => "nts-bad-certificate",
            NtsError::BadKey => "nts-bad-key",
            NtsError::CaKeyMismatch => "nts-ca-key-mismatch",
            NtsError::Generate(_) => "nts-generate-failed",
        }
    }

    pub fn value(&self) -> String {
        match self {
            NtsError::BadName(v) | NtsError::Generate(v) => v.clone(),
            _ => String::new(),
        }
    }
}

/// A certificate and its private key, in PEM.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pem {
    pub cert: String,
    pub key: String,
}

/// What `issue` made: the CA (new, or the one given) and the server's pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issued {
    pub ca: Pem,
    /// Whether the CA was made now (else the caller's was used).
    pub new_ca: bool,
    pub server: Pem,
}

/// What to issue: the names clients will use (DNS names and IP addresses),
/// the server certificate's life in days from `now` (negative: already
/// expired, for tests of what an expired certificate does), and the CA to
/// sign with (else a new one).
#[derive(Debug, Clone)]
pub struct IssueRequest<'a> {
    pub names: &'a [String],
    pub days: i64,
    pub ca: Option<&'a Pem>,
    /// Unix seconds.
    pub now: i64,
}

/// Checks and normalises the names a certificate is for.
pub fn check_names(names: &[String]) -> Result<Vec<String>, NtsError> {
    let mut out: Vec<String> = Vec::new();
    for n in names.iter().flat_map(|n| n.split(',')) {
        let n = n.trim();
        if n.is_empty() {
            continue;
        }
        let ok = n.parse::<IpAddr>().is_ok() || crate::core::conf::edit::is_valid_host(n);
        if !ok || n.contains(['/', '\\', '*']) || n.len() > 253 {
            return Err(NtsError::BadName(n.to_string()));
        }
        let n = n.to_ascii_lowercase();
        if !out.contains(&n) {
            out.push(n);
        }
    }
    match out.len() {
        0 => Err(NtsError::NoName),
        n if n > MAX_NAMES => Err(NtsError::TooManyNames),
        _ => Ok(out),
    }
}

fn at(unix: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(unix).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

fn generate_err(e: rcgen::Error) -> NtsError {
    NtsError::Generate(e.to_string())
}

/// Issues a server certificate for `names` (and a CA when none is given).
/// ECDSA P-256 keys, which every chrony build's GnuTLS accepts.
pub fn issue(req: &IssueRequest) -> Result<Issued, NtsError> {
    let names = check_names(req.names)?;
    let (ca_key, ca_pem, new_ca) = match req.ca {
        Some(ca) => {
            let key = KeyPair::from_pem(&ca.key).map_err(|_| NtsError::BadKey)?;
            let info = parse_cert(&ca.cert).ok_or(NtsError::BadCertificate)?;
            if info.public_key != key.der_bytes() {
                return Err(NtsError::CaKeyMismatch);
            }
            (key, ca.clone(), false)
        }
        None => {
            let key = KeyPair::generate().map_err(generate_err)?;
            let mut p = CertificateParams::default();
            let mut dn = DistinguishedName::new();
            dn.push(
                DnType::CommonName,
                format!("Stratum NTS CA for {}", names[0]),
            );
            p.distinguished_name = dn;
            p.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
            p.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
            p.not_before = at(req.now - DAY);
            p.not_after = at(req.now + CA_DAYS * DAY);
            let cert = p.self_signed(&key).map_err(generate_err)?;
            let pem = Pem {
                cert: cert.pem(),
                key: key.serialize_pem(),
            };
            (key, pem, true)
        }
    };
    let issuer = Issuer::from_ca_cert_pem(&ca_pem.cert, &ca_key).map_err(generate_err)?;
    let key = KeyPair::generate().map_err(generate_err)?;
    let mut p = CertificateParams::default();
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, names[0].clone());
    p.distinguished_name = dn;
    p.subject_alt_names = names
        .iter()
        .map(|n| match n.parse::<IpAddr>() {
            Ok(ip) => Ok(SanType::IpAddress(ip)),
            Err(_) => n
                .clone()
                .try_into()
                .map(SanType::DnsName)
                .map_err(|_| NtsError::BadName(n.clone())),
        })
        .collect::<Result<_, _>>()?;
    p.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    p.use_authority_key_identifier_extension = true;
    // An expired certificate (days < 0) was valid for a day before it ended.
    let not_after = req.now + req.days * DAY;
    p.not_before = at((req.now - DAY).min(not_after - DAY));
    p.not_after = at(not_after);
    let cert = p.signed_by(&key, &issuer).map_err(generate_err)?;
    Ok(Issued {
        ca: ca_pem,
        new_ca,
        server: Pem {
            cert: cert.pem(),
            key: key.serialize_pem(),
        },
    })
}

/// A server certificate as a snapshot carries it (`ntsservercert`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CertSummary {
    pub path: String,
    pub names: Vec<String>,
    /// Unix seconds; both 0 when the file could not be read as a certificate.
    pub not_before: i64,
    pub not_after: i64,
    /// The file could not be read, or holds no certificate.
    #[serde(default)]
    pub unreadable: bool,
}

impl CertSummary {
    pub fn of(path: &str, pem: Option<&str>) -> CertSummary {
        match pem.and_then(parse_cert) {
            Some(c) => CertSummary {
                path: path.to_string(),
                names: c.names,
                not_before: c.not_before,
                not_after: c.not_after,
                unreadable: false,
            },
            None => CertSummary {
                path: path.to_string(),
                names: Vec::new(),
                not_before: 0,
                not_after: 0,
                unreadable: true,
            },
        }
    }

    pub fn days_left(&self, now: i64) -> i64 {
        days_until(self.not_after, now)
    }

    /// Whole days until it becomes valid, rounded up like `days_left`.
    pub fn days_until_valid(&self, now: i64) -> i64 {
        days_until(self.not_before, now)
    }
}

/// What a certificate says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertInfo {
    /// DNS names and IP addresses (subject alternative names; the common
    /// name only when there are none).
    pub names: Vec<String>,
    /// Unix seconds.
    pub not_before: i64,
    pub not_after: i64,
    pub is_ca: bool,
    pub issuer: String,
    /// The subject public key's bits (an EC point, an RSA key's DER).
    pub public_key: Vec<u8>,
}

impl CertInfo {
    /// Whole days left at `now` (negative: expired that long ago).
    pub fn days_left(&self, now: i64) -> i64 {
        days_until(self.not_after, now)
    }

    pub fn expired(&self, now: i64) -> bool {
        now >= self.not_after
    }

    /// Before its "not before" (RFC 5280 §4.1.2.5: outside its validity
    /// period a certificate is invalid, so NTS clients refuse it until then).
    pub fn not_yet_valid(&self, now: i64) -> bool {
        now < self.not_before
    }

    /// Whole days until it becomes valid, rounded up like `days_left`.
    pub fn days_until_valid(&self, now: i64) -> i64 {
        days_until(self.not_before, now)
    }

    /// Whether a client naming the server `name` would accept it (exact
    /// names; a `*.` wildcard covers one label).
    pub fn covers(&self, name: &str) -> bool {
        let name = name.to_ascii_lowercase();
        self.names.iter().any(|n| {
            n == &name
                || n.strip_prefix("*.").is_some_and(|rest| {
                    name.split_once('.')
                        .is_some_and(|(label, tail)| !label.is_empty() && tail == rest)
                })
        })
    }
}

/// The first certificate of a PEM text.
pub fn parse_cert(pem_text: &str) -> Option<CertInfo> {
    if pem_text.len() > MAX_PEM_BYTES {
        return None;
    }
    let block = pem_blocks(pem_text)
        .into_iter()
        .find(|(label, _)| label == "CERTIFICATE")?;
    let (_, cert) = X509Certificate::from_der(&block.1).ok()?;
    let mut names = Vec::new();
    let mut is_ca = false;
    for ext in cert.extensions() {
        match ext.parsed_extension() {
            ParsedExtension::SubjectAlternativeName(san) => {
                for n in &san.general_names {
                    match n {
                        GeneralName::DNSName(d) => names.push(d.to_ascii_lowercase()),
                        GeneralName::IPAddress(b) => {
                            let ip = match b.len() {
                                4 => <[u8; 4]>::try_from(*b).ok().map(IpAddr::from),
                                16 => <[u8; 16]>::try_from(*b).ok().map(IpAddr::from),
                                _ => None,
                            };
                            names.extend(ip.map(|ip| ip.to_string()));
                        }
                        _ => {}
                    }
                }
            }
            ParsedExtension::BasicConstraints(bc) => is_ca = bc.ca,
            _ => {}
        }
    }
    if names.is_empty() {
        names.extend(
            cert.subject()
                .iter_common_name()
                .filter_map(|cn| cn.as_str().ok())
                .map(str::to_ascii_lowercase),
        );
    }
    names.truncate(MAX_NAMES);
    Some(CertInfo {
        names,
        not_before: cert.validity().not_before.timestamp(),
        not_after: cert.validity().not_after.timestamp(),
        is_ca,
        issuer: cert.issuer().to_string(),
        public_key: cert.public_key().subject_public_key.data.to_vec(),
    })
}

/// Whether `key_pem` is the private key of the certificate `cert`.
pub fn key_matches(cert: &CertInfo, key_pem: &str) -> Option<bool> {
    if key_pem.len() > MAX_PEM_BYTES {
        return None;
    }
    let key = KeyPair::from_pem(key_pem).ok()?;
    Some(key.der_bytes() == cert.public_key.as_slice())
}

/// PEM blocks: (label, decoded bytes), at most 64.
fn pem_blocks(text: &str) -> Vec<(String, Vec<u8>)> {
    x509_parser::pem::Pem::iter_from_buffer(text.as_bytes())
        .take(64)
        .map_while(Result::ok)
        .map(|p| (p.label, p.contents))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_790_000_000; // 2026-09-21

    fn names(n: &[&str]) -> Vec<String> {
        n.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_new_ca_signs_a_server_certificate_for_every_name() {
        let n = names(&["ntp1.lab", "10.0.0.123,::1"]);
        let issued = issue(&IssueRequest {
            names: &n,
            days: 90,
            ca: None,
            now: NOW,
        })
        .unwrap();
        assert!(issued.new_ca);
        let ca = parse_cert(&issued.ca.cert).unwrap();
        assert!(ca.is_ca);
        assert!(ca.days_left(NOW) >= CA_DAYS - 1);
        let srv = parse_cert(&issued.server.cert).unwrap();
        assert!(!srv.is_ca);
        assert_eq!(srv.names, ["ntp1.lab", "10.0.0.123", "::1"]);
        assert_eq!(srv.days_left(NOW), 90);
        assert!(srv.covers("NTP1.lab") && srv.covers("10.0.0.123"));
        assert!(!srv.covers("ntp2.lab"));
        assert!(srv.issuer.contains("Stratum NTS CA"));
        assert_eq!(key_matches(&srv, &issued.server.key), Some(true));
        assert_eq!(key_matches(&srv, &issued.ca.key), Some(false));
        // Renewal with the same CA: clients keep trusting it.
        let again = issue(&IssueRequest {
            names: &n,
            days: 365,
            ca: Some(&issued.ca),
            now: NOW,
        })
        .unwrap();
        assert!(!again.new_ca);
        assert_eq!(again.ca, issued.ca);
        assert_ne!(again.server.key, issued.server.key);
    }

    #[test]
    fn negative_days_make_an_expired_certificate() {
        let n = names(&["127.0.0.1"]);
        let issued = issue(&IssueRequest {
            names: &n,
            days: -2,
            ca: None,
            now: NOW,
        })
        .unwrap();
        let srv = parse_cert(&issued.server.cert).unwrap();
        assert!(srv.expired(NOW));
        assert_eq!(srv.days_left(NOW), -2);
        assert!(srv.not_before < srv.not_after);
    }

    #[test]
    fn bad_names_and_foreign_keys_are_refused() {
        for bad in ["", "a b", "*.lab", "host/x", "a\nb"] {
            assert!(check_names(&names(&[bad])).is_err(), "{bad:?}");
        }
        let a = issue(&IssueRequest {
            names: &names(&["a.lab"]),
            days: 1,
            ca: None,
            now: NOW,
        })
        .unwrap();
        let b = issue(&IssueRequest {
            names: &names(&["b.lab"]),
            days: 1,
            ca: None,
            now: NOW,
        })
        .unwrap();
        let mixed = Pem {
            cert: a.ca.cert.clone(),
            key: b.ca.key.clone(),
        };
        let r = issue(&IssueRequest {
            names: &names(&["a.lab"]),
            days: 1,
            ca: Some(&mixed),
            now: NOW,
        });
        assert_eq!(r, Err(NtsError::CaKeyMismatch));
        assert!(parse_cert("not pem").is_none());
        assert!(parse_cert(&"x".repeat(MAX_PEM_BYTES + 1)).is_none());
    }

    #[test]
    fn wildcards_cover_one_label() {
        let c = CertInfo {
            names: names(&["*.lab.example"]),
            not_before: 0,
            not_after: 1,
            is_ca: false,
            issuer: String::new(),
            public_key: Vec::new(),
        };
        assert!(c.covers("ntp.lab.example"));
        assert!(!c.covers("lab.example"));
        assert!(!c.covers("a.b.lab.example"));
    }
}
