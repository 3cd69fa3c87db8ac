//! Text size: one value (the saved setting) behind the slider and
//! Ctrl +, Ctrl −, Ctrl 0. The frame applies it; nothing else calls
//! `set_zoom_factor`, so the slider, the keys and the file never disagree.

use super::state::AppState;

/// The smallest and largest text size offered (80 % … 200 %).
pub const MIN: f32 = 0.8;
pub const MAX: f32 = 2.0;
/// The slider's step (an arrow key on it); Ctrl + and Ctrl − take two.
pub const STEP: f32 = 0.05;

/// `z` inside the range, on a whole step (a hand-edited settings file may
/// hold anything).
pub fn clamp(z: f32) -> f32 {
    if !z.is_finite() {
        return 1.0;
    }
    ((z.clamp(MIN, MAX) / STEP).round() * STEP).clamp(MIN, MAX)
}

/// `z` one key press larger (`up`) or smaller.
pub fn step(z: f32, up: bool) -> f32 {
    let n = (clamp(z) / STEP).round() + if up { 2.0 } else { -2.0 };
    clamp(n * STEP)
}

/// Once a frame, before anything is drawn: Ctrl +/−/0 change the saved
/// value, and the window takes the saved value (egui's own shortcuts are
/// off, they would change the window behind the setting's back).
pub fn frame(ctx: &egui::Context, st: &mut AppState) {
    if ctx.options(|o| o.zoom_with_keyboard) {
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
    }
    use egui::gui_zoom::kb_shortcuts as keys;
    let mut wanted = clamp(st.settings.zoom);
    ctx.input_mut(|i| {
        if i.consume_shortcut(&keys::ZOOM_RESET) {
            wanted = 1.0;
        }
        if i.consume_shortcut(&keys::ZOOM_IN) || i.consume_shortcut(&keys::ZOOM_IN_SECONDARY) {
            wanted = step(wanted, true);
        }
        if i.consume_shortcut(&keys::ZOOM_OUT) {
            wanted = step(wanted, false);
        }
    });
    if wanted != st.settings.zoom {
        st.settings.zoom = wanted;
        st.settings_dirty = true;
    }
    if (ctx.zoom_factor() - wanted).abs() > 1e-4 {
        ctx.set_zoom_factor(wanted);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_range_and_steps_hold_for_any_saved_value() {
        assert_eq!(clamp(1.35), 1.35);
        assert_eq!(clamp(0.5), MIN);
        assert_eq!(clamp(9.0), MAX);
        assert_eq!(clamp(f32::NAN), 1.0);
        assert!((step(1.0, true) - 1.1).abs() < 1e-6);
        assert!((step(1.35, false) - 1.25).abs() < 1e-6);
        assert_eq!(step(MAX, true), MAX);
        assert_eq!(step(MIN, false), MIN);
    }
}
