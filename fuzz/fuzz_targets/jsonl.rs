//! The JSON Lines reader: one record per non-blank line, never a panic.
#![no_main]
use claimscope_batch::input::jsonl_records;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lines = data.split(|&b| b == b'\n').filter(|l| !l.trim_ascii().is_empty()).count();
    let records = jsonl_records(data, "fuzz".to_string()).count();
    assert_eq!(lines, records);
});
