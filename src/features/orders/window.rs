//! Windowing a long list of fixed-height rows: which rows need to exist in the DOM.

/// Every row is this tall (CSS `.wc-order-row` agrees), which makes the arithmetic exact.
pub const ROW_HEIGHT: f64 = ROW_PX as f64;
const ROW_PX: usize = 84;
/// Rows kept beyond each edge of the viewport, so fast scrolling never shows a gap.
pub const OVERSCAN: usize = 8;

/// The first and one-past-last index of the rows near the viewport, given the list's top edge
/// relative to the viewport (negative once scrolled past), the viewport's height, and the number
/// of rows.
pub fn visible_range(list_top: f64, viewport: f64, total: usize) -> (usize, usize) {
    let first = (-list_top / ROW_HEIGHT).floor().max(0.0) as usize;
    let count = (viewport / ROW_HEIGHT).ceil() as usize + 1;
    let start = first.saturating_sub(OVERSCAN).min(total);
    let end = first.saturating_add(count + OVERSCAN).min(total);
    (start, end)
}

/// The CSS length of `rows` rows (`"168px"`), in integers: formatting an f64 would pull core's
/// float printing (~10 KB) into the bundle for this alone.
pub fn rows_px(rows: usize) -> String {
    format!("{}px", rows.saturating_mul(ROW_PX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths() {
        assert_eq!(rows_px(0), "0px");
        assert_eq!(rows_px(10_000), "840000px");
    }

    #[test]
    fn windows() {
        // At the top of a 900 px viewport: 12 rows visible, 8 more below.
        assert_eq!(visible_range(200.0, 900.0, 10_000), (0, 20));
        // Scrolled 100 rows down: 8 above, the visible ones, 8 below.
        assert_eq!(visible_range(-8400.0, 900.0, 10_000), (92, 120));
        // Near the end, clamped.
        assert_eq!(visible_range(-84.0 * 9_995.0, 900.0, 10_000), (9_987, 10_000));
        assert_eq!(visible_range(0.0, 900.0, 0), (0, 0));
        // Never more than a screenful plus overscan, however long the list.
        let (s, e) = visible_range(-1.0e6, 1080.0, 1_000_000);
        assert!(e - s <= 1080 / 84 + 2 + 2 * OVERSCAN);
    }
}
