//! The field codecs: chrony's 32-bit "Float", `IPAddr`, `Timespec`, and the
//! bounds-checked reader and the writer built on them.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// chrony's 32-bit float: 7-bit signed exponent, 25-bit signed coefficient,
/// value = coef * 2^(exp - 25).
pub fn float_from_wire(x: u32) -> f64 {
    const COEF_BITS: i32 = 25;
    let mut exp = (x >> COEF_BITS) as i32;
    if exp >= 1 << 6 {
        exp -= 1 << 7;
    }
    exp -= COEF_BITS;
    let mut coef = (x % (1u32 << COEF_BITS)) as i32;
    if coef >= 1 << (COEF_BITS - 1) {
        coef -= 1 << COEF_BITS;
    }
    f64::from(coef) * 2f64.powi(exp)
}

/// The inverse of [`float_from_wire`], as chrony's `UTI_FloatHostToNetwork`.
pub fn float_to_wire(x: f64) -> u32 {
    const COEF_BITS: i32 = 25;
    const EXP_MAX: i32 = 63;
    const EXP_MIN: i32 = -64;
    const COEF_MAX: i32 = (1 << (COEF_BITS - 1)) - 1;
    let (x, neg) = if x < 0.0 {
        (-x, 1)
    } else if x >= 0.0 {
        (x, 0)
    } else {
        (0.0, 0) // NaN
    };
    let (mut exp, mut coef): (i32, i32);
    if x < 1.0e-100 {
        exp = 0;
        coef = 0;
    } else if x > 1.0e100 {
        exp = EXP_MAX;
        coef = COEF_MAX + neg;
    } else {
        exp = (x.ln() / 2f64.ln()) as i32 + 1;
        coef = (x * 2f64.powi(-exp + COEF_BITS) + 0.5) as i32;
        while coef > COEF_MAX + neg {
            coef >>= 1;
            exp += 1;
        }
        if exp > EXP_MAX {
            exp = EXP_MAX;
            coef = COEF_MAX + neg;
        } else if exp < EXP_MIN {
            if exp + COEF_BITS >= EXP_MIN {
                coef >>= EXP_MIN - exp;
                exp = EXP_MIN;
            } else {
                exp = 0;
                coef = 0;
            }
        }
    }
    if neg == 1 {
        coef = ((-(coef as i64)) as u32 % (1u32 << COEF_BITS)) as i32;
    }
    ((exp as u32) << COEF_BITS) | (coef as u32 & ((1 << COEF_BITS) - 1))
}

/// A reader over a reply's data part; every read is bounds-checked by the
/// length check done before decoding.
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }

    fn take<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        if let Some(s) = self.buf.get(self.pos..self.pos + N) {
            out.copy_from_slice(s);
        }
        self.pos += N;
        out
    }

    pub fn u8(&mut self) -> u8 {
        self.take::<1>()[0]
    }

    pub fn i8(&mut self) -> i8 {
        self.u8() as i8
    }

    pub fn u16(&mut self) -> u16 {
        u16::from_be_bytes(self.take())
    }

    pub fn i16(&mut self) -> i16 {
        self.u16() as i16
    }

    pub fn u32(&mut self) -> u32 {
        u32::from_be_bytes(self.take())
    }

    pub fn i32(&mut self) -> i32 {
        self.u32() as i32
    }

    /// chrony's `Integer64`: high word, then low word.
    pub fn u64(&mut self) -> u64 {
        let high = u64::from(self.u32());
        (high << 32) | u64::from(self.u32())
    }

    pub fn float(&mut self) -> f64 {
        float_from_wire(self.u32())
    }

    pub fn bytes<const N: usize>(&mut self) -> [u8; N] {
        self.take()
    }

    /// chrony's `IPAddr`: 16 address bytes, family, pad.
    pub fn ip(&mut self) -> WireAddr {
        let addr: [u8; 16] = self.take();
        let family = self.u16();
        let _pad = self.u16();
        match family {
            1 => WireAddr::Ip(IpAddr::V4(Ipv4Addr::new(
                addr[0], addr[1], addr[2], addr[3],
            ))),
            2 => WireAddr::Ip(IpAddr::V6(Ipv6Addr::from(addr))),
            3 => WireAddr::Id(u32::from_be_bytes([addr[0], addr[1], addr[2], addr[3]])),
            _ => WireAddr::Unspec,
        }
    }

    /// chrony's `Timespec` as seconds since the Unix epoch.
    pub fn timespec(&mut self) -> f64 {
        let high = self.u32();
        let low = self.u32();
        let nsec = self.u32().min(999_999_999);
        let high = if high == 0x7fff_ffff { 0 } else { high };
        let sec = (u64::from(high) << 32) | u64::from(low);
        sec as f64 + f64::from(nsec) * 1e-9
    }
}

/// An address as chronyd reports it: a real IP, the id of a source whose
/// name is not resolved yet, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WireAddr {
    Unspec,
    Ip(IpAddr),
    Id(u32),
}

impl WireAddr {
    pub fn ip(self) -> Option<IpAddr> {
        match self {
            WireAddr::Ip(ip) => Some(ip),
            _ => None,
        }
    }
}

/// Writer for request bodies.
#[derive(Default)]
pub struct Writer {
    pub buf: Vec<u8>,
}

impl Writer {
    pub fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_be_bytes());
    }

    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_be_bytes());
    }

    pub fn i32(&mut self, v: i32) {
        self.u32(v as u32);
    }

    pub fn float(&mut self, v: f64) {
        self.u32(float_to_wire(v));
    }

    pub fn ip(&mut self, addr: Option<IpAddr>) {
        let mut bytes = [0u8; 16];
        let family = match addr {
            None => 0,
            Some(IpAddr::V4(a)) => {
                bytes[..4].copy_from_slice(&a.octets());
                1
            }
            Some(IpAddr::V6(a)) => {
                bytes.copy_from_slice(&a.octets());
                2
            }
        };
        self.buf.extend_from_slice(&bytes);
        self.u16(family);
        self.u16(0);
    }

    /// An address as chronyd reports it, sent back: an IP, or the id
    /// chronyd gave a source whose name is not resolved yet (family
    /// `IPADDR_ID`, the id in the first four bytes; util.c's
    /// `UTI_IPNetworkToHost` reads it back the same way).
    pub fn wire_addr(&mut self, addr: WireAddr) {
        match addr {
            WireAddr::Ip(ip) => self.ip(Some(ip)),
            WireAddr::Unspec => self.ip(None),
            WireAddr::Id(id) => {
                let mut bytes = [0u8; 16];
                bytes[..4].copy_from_slice(&id.to_be_bytes());
                self.buf.extend_from_slice(&bytes);
                self.u16(3);
                self.u16(0);
            }
        }
    }

    pub fn bytes(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
    }
}
