//! A small deterministic random source (SplitMix64): the same seed gives the same
//! corpus on every platform and every version of the dependencies.

/// A seeded pseudo-random sequence.
#[derive(Debug, Clone)]
pub struct Random {
    state: u64,
}

impl Random {
    /// Starts a sequence from a seed.
    pub fn new(seed: u64) -> Random {
        Random {
            state: seed ^ 0x9E37_79B9_7F4A_7C15,
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform float in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A uniform integer in [0, n); 0 when n is 0.
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        ((self.next_u64() >> 32).wrapping_mul(n as u64) >> 32) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A uniform pick from a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index in [0, n) drawn with probability falling as 1/rank (Zipf, s = 1):
    /// a few names are everywhere, most are rare.
    pub fn zipf(&mut self, n: usize) -> usize {
        if n <= 1 {
            return 0;
        }
        let x = (n as f64 + 1.0).powf(self.unit());
        ((x as usize).max(1) - 1).min(n - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_sequence() {
        let mut a = Random::new(42);
        let mut b = Random::new(42);
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
        assert_ne!(Random::new(1).next_u64(), Random::new(2).next_u64());
    }

    #[test]
    fn ranges_hold() {
        let mut r = Random::new(3);
        for _ in 0..10_000 {
            assert!(r.below(7) < 7);
            let u = r.unit();
            assert!((0.0..1.0).contains(&u));
            assert!(r.zipf(50) < 50);
        }
        assert_eq!(r.below(0), 0);
        assert_eq!(r.zipf(1), 0);
    }

    #[test]
    fn zipf_prefers_the_head() {
        let mut r = Random::new(5);
        let mut head = 0;
        for _ in 0..10_000 {
            if r.zipf(1000) < 10 {
                head += 1;
            }
        }
        // P(rank < 10) = ln(11)/ln(1001) ≈ 0.35 for s = 1
        assert!((3000..4000).contains(&head), "{head}");
    }
}
