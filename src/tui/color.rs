//! Colour arithmetic for terminals with fewer colours: the RGB value of any
//! ratatui colour (xterm's default palette), and the nearest colour of the
//! 256-colour and 16-colour palettes.

use ratatui::style::Color;

/// xterm's default values for the 16 ANSI colours.
const ANSI: [(u8, u8, u8); 16] = [
    (0x00, 0x00, 0x00),
    (0xcd, 0x00, 0x00),
    (0x00, 0xcd, 0x00),
    (0xcd, 0xcd, 0x00),
    (0x00, 0x00, 0xee),
    (0xcd, 0x00, 0xcd),
    (0x00, 0xcd, 0xcd),
    (0xe5, 0xe5, 0xe5),
    (0x7f, 0x7f, 0x7f),
    (0xff, 0x00, 0x00),
    (0x00, 0xff, 0x00),
    (0xff, 0xff, 0x00),
    (0x5c, 0x5c, 0xff),
    (0xff, 0x00, 0xff),
    (0x00, 0xff, 0xff),
    (0xff, 0xff, 0xff),
];

/// The six levels of each channel in the 6x6x6 colour cube (16-231).
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

/// The RGB value a colour shows as (xterm's palette for indexed ones).
pub fn rgb(color: Color) -> (u8, u8, u8) {
    match color {
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Indexed(i) => indexed_rgb(i),
        Color::Reset => indexed_rgb(0),
        named => indexed_rgb(named_index(named).unwrap_or(0)),
    }
}

/// The number (0-15) of a named colour, or of an indexed one below 16.
pub fn named_index(color: Color) -> Option<u8> {
    let index = match color {
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(i) if i < 16 => i,
        _ => return None,
    };
    Some(index)
}

fn indexed_rgb(index: u8) -> (u8, u8, u8) {
    match index {
        0..=15 => ANSI[index as usize],
        16..=231 => {
            let i = index - 16;
            let level = |n: u8| CUBE[n as usize];
            (level(i / 36), level((i / 6) % 6), level(i % 6))
        }
        _ => {
            let grey = 8 + (index - 232) * 10;
            (grey, grey, grey)
        }
    }
}

fn distance(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).unsigned_abs();
    let (r, g, b) = (d(a.0, b.0), d(a.1, b.1), d(a.2, b.2));
    // Weighted as the eye sees it (green most, blue least).
    3 * r * r + 4 * g * g + 2 * b * b
}

/// The nearest of the 16 ANSI colours; a clearly coloured target is never
/// given a grey (distance alone turns light tones into grey).
pub fn nearest_16(target: (u8, u8, u8)) -> u8 {
    let (r, g, b) = target;
    let chroma = r.max(g).max(b) - r.min(g).min(b);
    let greys = [0, 7, 8, 15];
    (0..16u8)
        .filter(|i| chroma < 64 || !greys.contains(i))
        .min_by_key(|&i| distance(ANSI[i as usize], target))
        .unwrap_or(0)
}

/// The nearest colour of the cube or the grey ramp (16-255).
pub fn nearest_256(target: (u8, u8, u8)) -> u8 {
    let step = |v: u8| {
        (0..6u8)
            .min_by_key(|&i| (i32::from(CUBE[i as usize]) - i32::from(v)).unsigned_abs())
            .unwrap_or(0)
    };
    let cube = 16 + 36 * step(target.0) + 6 * step(target.1) + step(target.2);
    let average = (u32::from(target.0) + u32::from(target.1) + u32::from(target.2)) / 3;
    let grey = 232 + (average.saturating_sub(3) / 10).min(23) as u8;
    [cube, grey]
        .into_iter()
        .min_by_key(|&i| distance(indexed_rgb(i), target))
        .unwrap_or(cube)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cube_and_grey_values_map_back_to_themselves() {
        for i in 16..=255u8 {
            assert_eq!(nearest_256(indexed_rgb(i)), i, "{i}");
        }
    }

    #[test]
    fn ansi_values_map_back_to_themselves() {
        for i in 0..16u8 {
            assert_eq!(nearest_16(ANSI[i as usize]), i);
        }
    }

    #[test]
    fn light_tones_stay_light() {
        // displaCy's city yellow is a light yellow in every palette.
        assert_eq!(nearest_256((0xfe, 0xca, 0x74)), 222);
        assert!([3, 11].contains(&nearest_16((0xfe, 0xca, 0x74))));
        assert_eq!(nearest_16((0x10, 0x10, 0x10)), 0);
    }
}
