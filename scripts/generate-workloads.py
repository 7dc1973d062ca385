#!/usr/bin/env python3
"""Writes the reference workloads in data/workloads/ that `planner diff` prices under both catalogs.

Deterministic: each workload has its own fixed seed, so running this again gives byte-identical
files (check with `git diff --exit-code data/workloads`). Only the Python 3 standard library.
The files follow the trace format (issue 3, docs/trace-format.md): header row, columns by name,
rows in time order, timestamps in 2026 (after every model's first price date).

    python3 scripts/generate-workloads.py
"""
import csv
import os
import random
from datetime import datetime, timedelta, timezone

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "workloads")


def stamp(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def daytime_start(rng, day, first_hour, last_hour):
    """A start time weighted towards the middle of the working day (triangular)."""
    hours = rng.triangular(first_hour, last_hour, (first_hour + last_hour) / 2 + 1)
    return day + timedelta(seconds=int(hours * 3600))


def write(name, header, rows):
    rows.sort(key=lambda r: (r["timestamp"], r["request_id"]))
    path = os.path.join(OUT, name)
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        w.writeheader()
        for r in rows:
            r = dict(r)
            r["timestamp"] = stamp(r["timestamp"])
            w.writerow(r)
    print(f"{path}: {len(rows)} rows")


def voice_support_day():
    """A voice-support product's Monday: ~450 calls, 2-8 turns each. Every turn resends the whole
    conversation, so input audio grows turn by turn. 1 in 10 calls escalates to gpt-audio."""
    rng = random.Random(20260302)
    day = datetime(2026, 3, 2, tzinfo=timezone.utc)
    rows = []
    for call in range(450):
        model = "gpt-audio" if rng.random() < 0.10 else "gpt-audio-mini"
        t = daytime_start(rng, day, 7, 21)
        history_audio = 0      # input audio tokens resent each turn (user and assistant audio)
        history_text = 0       # transcripts of earlier turns
        for turn in range(rng.randint(2, 8)):
            user_seconds = rng.uniform(2.5, 15.0)
            history_audio += int(user_seconds * 10)
            reply_seconds = rng.uniform(3.0, 18.0)
            audio_out = int(reply_seconds * 20)
            text_out = int(reply_seconds * 2.6) + rng.randint(0, 8)
            rows.append({
                "timestamp": t,
                "request_id": f"vs-{call:04d}-{turn}",
                "model": model,
                "input_text_tokens": 420 + history_text,
                "cached_input_tokens": 0,
                "input_audio_tokens": history_audio,
                "output_text_tokens": text_out,
                "output_audio_tokens": audio_out,
                "max_tokens": 2048,
            })
            history_audio += int(reply_seconds * 10)
            history_text += text_out + int(user_seconds * 2.6)
            t += timedelta(seconds=int(user_seconds + reply_seconds + rng.uniform(4, 25)))
    write("voice-calls-day.csv",
          ["timestamp", "request_id", "model", "input_text_tokens", "cached_input_tokens", "input_audio_tokens",
           "output_text_tokens", "output_audio_tokens", "max_tokens"], rows)


def batch_transcription_day():
    """A nightly job transcribing recorded calls (audio in, text out), 00:00-06:00: audio given in
    seconds, so the catalog's audio-token rate decides the tokens. 30% on gpt-4o-mini-audio-preview."""
    rng = random.Random(20260303)
    t = datetime(2026, 3, 3, tzinfo=timezone.utc)
    rows = []
    for i in range(900):
        model = "gpt-4o-mini-audio-preview" if rng.random() < 0.30 else "gpt-audio-mini"
        seconds = round(min(600.0, rng.lognormvariate(4.6, 0.7)) + 5, 1)
        rows.append({
            "timestamp": t,
            "request_id": f"bt-{i:04d}",
            "model": model,
            "input_text_tokens": 64,
            "output_text_tokens": int(seconds * 2.6 * rng.uniform(0.85, 1.15)) + 20,
            "input_audio_seconds": f"{seconds:.1f}",
            "max_tokens": 4096,
        })
        t += timedelta(seconds=rng.randint(12, 36))
    write("batch-transcription-day.csv",
          ["timestamp", "request_id", "model", "input_text_tokens", "output_text_tokens", "input_audio_seconds", "max_tokens"], rows)


def text_heavy_day():
    """An assistant that mostly reads and writes text (long prompts, half of them cached), with a
    spoken summary on 1 request in 8: gpt-4o-audio-preview and gpt-audio, 08:00-19:00."""
    rng = random.Random(20260304)
    day = datetime(2026, 3, 4, tzinfo=timezone.utc)
    rows = []
    for i in range(1200):
        model = "gpt-4o-audio-preview" if rng.random() < 0.6 else "gpt-audio"
        prompt = int(rng.lognormvariate(7.6, 0.6))
        cached = int(prompt * rng.choice([0, 0, 0.5, 0.8]))
        spoken = rng.random() < 0.125
        rows.append({
            "timestamp": daytime_start(rng, day, 8, 19),
            "request_id": f"th-{i:04d}",
            "model": model,
            "input_text_tokens": min(prompt - cached, 60000),
            "cached_input_tokens": cached,
            "input_audio_tokens": 0,
            "output_text_tokens": int(rng.lognormvariate(5.8, 0.5)),
            "output_audio_tokens": int(rng.uniform(10, 45) * 20) if spoken else 0,
        })
    write("text-heavy-day.csv",
          ["timestamp", "request_id", "model", "input_text_tokens", "cached_input_tokens", "input_audio_tokens",
           "output_text_tokens", "output_audio_tokens"], rows)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    voice_support_day()
    batch_transcription_day()
    text_heavy_day()
