//! Reading and setting one named field of a row: what the judges of every report share.

use super::super::checks::set;
use super::super::field::{FieldId as F, Value};
use super::super::model::{Field, field};
use super::super::verdict::{Reason, Status};

pub(super) fn field_mut(fields: &mut [Field], name: F) -> Option<&mut Field> {
    fields.iter_mut().find(|f| f.name == name)
}

pub fn value(fields: &[Field], name: F) -> Value {
    field(fields, name).map_or(Value::Text, |f| f.value)
}

pub fn int(fields: &[Field], name: F) -> Option<i64> {
    value(fields, name).int()
}

pub(super) fn set_named(fields: &mut [Field], name: F, status: Status, reason: Reason) {
    if let Some(f) = field_mut(fields, name) {
        set(f, status, reason);
    }
}

/// chrony's default `local stratum` (chrony.conf(5)).
pub(super) const OWN_CLOCK_STRATUM: i64 = 10;
