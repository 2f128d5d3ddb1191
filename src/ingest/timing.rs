//! Reading the many ways transcripts write times: clock offsets (`00:01:23.5`), plain
//! numbers in seconds or milliseconds, and absolute date-times (RFC 3339 / ISO 8601).

use serde_json::Value;

/// Times at or above this many seconds are taken as absolute (seconds since the Unix
/// epoch, i.e. after March 1973) rather than offsets from the start of a call: no call
/// lasts three years.
pub const EPOCH_THRESHOLD_S: f64 = 1e8;

/// Rounds seconds to the microsecond, so that differences of large epoch values and
/// unit conversions print as the short decimals the inputs had (`4.451`, not
/// `4.451000022888184`).
pub fn round_us(seconds: f64) -> f64 {
    (seconds * 1e6).round() / 1e6
}

/// A clock offset `[h:]mm:ss[.fff]` (the fraction may use a comma, as SRT does) in seconds.
pub fn parse_clock(s: &str) -> Option<f64> {
    let s = s.trim();
    let (whole, frac) = match s.find(['.', ',']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let parts: Vec<&str> = whole.split(':').collect();
    if parts.len() < 2 || parts.len() > 3 {
        return None;
    }
    let mut seconds = 0u64;
    for (i, part) in parts.iter().enumerate() {
        if part.is_empty() || part.len() > 3 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: u64 = part.parse().ok()?;
        // Minutes and seconds are sexagesimal digits; the leading field may exceed 59.
        if i > 0 && n > 59 {
            return None;
        }
        seconds = seconds * 60 + n;
    }
    let mut value = seconds as f64;
    if let Some(frac) = frac {
        if frac.is_empty() || frac.len() > 9 || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let digits: f64 = frac.parse().ok()?;
        value += digits / 10f64.powi(frac.len() as i32);
    }
    Some(round_us(value))
}

/// An absolute date-time in seconds since the Unix epoch. Accepts RFC 3339 / ISO 8601
/// with an offset (`2024-03-02T10:15:00.250Z`), and civil date-times without one
/// (`2024-03-02 10:15:00`), which are taken as UTC: only differences matter here.
pub fn parse_datetime(s: &str) -> Option<f64> {
    let s = s.trim();
    // A date-time has at least a full date; this also keeps plain numbers out.
    if s.len() < 10 || !s.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    if let Ok(ts) = s.parse::<jiff::Timestamp>() {
        return Some(nanos_to_seconds(ts.as_nanosecond()));
    }
    let civil = s.parse::<jiff::civil::DateTime>().ok()?;
    let ts = jiff::tz::Offset::UTC.to_timestamp(civil).ok()?;
    Some(nanos_to_seconds(ts.as_nanosecond()))
}

fn nanos_to_seconds(nanos: i128) -> f64 {
    // Split so that the microseconds survive the conversion to f64.
    let secs = nanos.div_euclid(1_000_000_000);
    let rest = nanos.rem_euclid(1_000_000_000);
    secs as f64 + (rest / 1000) as f64 / 1e6
}

/// The unit a bare number is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Seconds.
    Seconds,
    /// Milliseconds.
    Millis,
    /// Microseconds.
    Micros,
    /// Ticks of 100 nanoseconds (.NET, Azure Speech).
    Ticks,
}

impl Unit {
    /// Converts a number in this unit to seconds.
    pub fn to_seconds(self, n: f64) -> f64 {
        match self {
            Unit::Seconds => n,
            Unit::Millis => n / 1e3,
            Unit::Micros => n / 1e6,
            Unit::Ticks => n / 1e7,
        }
    }
}

/// An ISO 8601 duration of hours, minutes and seconds ("PT1M4.25S", "PT0.76S", "PT2H"), in
/// seconds. Durations in days or longer are not times within a call.
pub fn parse_iso_duration(s: &str) -> Option<f64> {
    let mut rest = s.trim().strip_prefix("PT")?;
    if rest.is_empty() {
        return None;
    }
    let mut seconds = 0.0;
    for (designator, scale) in [('H', 3600.0), ('M', 60.0), ('S', 1.0)] {
        if let Some((number, after)) = rest.split_once(designator) {
            let n: f64 = number
                .parse()
                .ok()
                .filter(|n: &f64| n.is_finite() && *n >= 0.0)?;
            seconds += n * scale;
            rest = after;
        }
    }
    rest.is_empty().then(|| round_us(seconds))
}

/// A time written in a table cell or a text field: a bare number (in `unit`), a clock
/// offset, or an absolute date-time. Returns seconds (absolute ones since the epoch).
pub fn parse_time_text(s: &str, unit: Unit) -> Option<f64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(n) = s.parse::<f64>() {
        return n.is_finite().then(|| round_us(unit.to_seconds(n)));
    }
    // Protocol-buffer durations ("1.500s") as Google's APIs write them.
    if let Some(n) = s.strip_suffix('s').and_then(|n| n.parse::<f64>().ok()) {
        return n.is_finite().then(|| round_us(n));
    }
    parse_clock(s).or_else(|| parse_datetime(s))
}

/// What to subtract from every time so that the first turn starts at 0, when the times are
/// absolute (`always`, or any of them at or above [`EPOCH_THRESHOLD_S`]); `None` when they
/// are offsets already. `items` are each turn's (start, end, has text): items without text
/// (events) do not set the origin.
pub fn absolute_origin<I>(items: I, always: bool) -> Option<f64>
where
    I: Iterator<Item = (Option<f64>, Option<f64>, bool)> + Clone,
{
    let absolute = |v: Option<f64>| v.is_some_and(|v| v >= EPOCH_THRESHOLD_S);
    if !always
        && !items
            .clone()
            .any(|(start, end, _)| absolute(start) || absolute(end))
    {
        return None;
    }
    let origin = items
        .filter(|(_, _, has_text)| *has_text)
        .filter_map(|(start, end, _)| start.or(end))
        .fold(f64::INFINITY, f64::min);
    origin.is_finite().then_some(origin)
}

/// A JSON number, or a string holding a time, as seconds.
pub fn value_seconds(v: &Value, unit: Unit) -> Option<f64> {
    match v {
        Value::Number(n) => n
            .as_f64()
            .filter(|n| n.is_finite())
            .map(|n| round_us(unit.to_seconds(n))),
        Value::String(s) => parse_time_text(s, unit),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_durations() {
        assert_eq!(parse_iso_duration("PT0.76S"), Some(0.76));
        assert_eq!(parse_iso_duration("PT1M4.25S"), Some(64.25));
        assert_eq!(parse_iso_duration("PT2H"), Some(7200.0));
        assert_eq!(parse_iso_duration("PT1H0M1S"), Some(3601.0));
        for bad in ["", "PT", "P1D", "PT1S2M", "PT-1S", "1.5S", "PT1.5", "PTxS"] {
            assert_eq!(parse_iso_duration(bad), None, "{bad}");
        }
    }

    #[test]
    fn clocks() {
        assert_eq!(parse_clock("00:01:23"), Some(83.0));
        assert_eq!(parse_clock("01:23.5"), Some(83.5));
        assert_eq!(parse_clock("1:02:03,250"), Some(3723.25));
        assert_eq!(parse_clock("00:61:00"), None);
        assert_eq!(parse_clock("12"), None);
        assert_eq!(parse_clock("a:b"), None);
        assert_eq!(parse_clock("00:01:"), None);
    }

    #[test]
    fn datetimes() {
        // 2021-04-16T17:41:14.451Z is 1618594874.451 s after the epoch.
        assert_eq!(
            parse_datetime("2021-04-16T17:41:14.451Z"),
            Some(1_618_594_874.451)
        );
        assert_eq!(parse_datetime("2021-04-16 17:41:14"), Some(1_618_594_874.0));
        assert_eq!(
            parse_datetime("2021-04-16T19:41:14+02:00"),
            Some(1_618_594_874.0)
        );
        assert_eq!(parse_datetime("12345"), None);
        assert_eq!(parse_datetime("yesterday at noon"), None);
    }

    #[test]
    fn cells_and_values() {
        assert_eq!(parse_time_text("1500", Unit::Millis), Some(1.5));
        assert_eq!(parse_time_text("1.500s", Unit::Seconds), Some(1.5));
        assert_eq!(parse_time_text("00:00:02", Unit::Millis), Some(2.0));
        assert_eq!(parse_time_text("NaN", Unit::Seconds), None);
        assert_eq!(parse_time_text(" ", Unit::Seconds), None);
        assert_eq!(
            value_seconds(&serde_json::json!(2500), Unit::Millis),
            Some(2.5)
        );
        assert_eq!(
            value_seconds(&serde_json::json!("3.25"), Unit::Seconds),
            Some(3.25)
        );
        assert_eq!(value_seconds(&serde_json::json!(true), Unit::Seconds), None);
    }
}
