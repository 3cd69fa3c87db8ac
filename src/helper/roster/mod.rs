//! The roster's IO: its state and the intent file (`store`), and the
//! prober asking each device for its time (`probe`).

mod probe;
pub mod store;

pub use probe::run;
pub use store::{Roster, intent_path, read_intent};
