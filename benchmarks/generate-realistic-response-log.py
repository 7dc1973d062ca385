#!/usr/bin/env python3
"""Writes a realistic response log (JSONL) of N lines for end-to-end timing of the response-log reader: whole
Chat Completions response objects as the API returns them (id, object, created, model, choices with the message,
its audio transcript or text content, logprobs, finish_reason; usage with details; service_tier,
system_fingerprint), about 1.3 KB a line. Mixed as a real log is:
- 80% audio replies: choices[0].message.audio {id, expires_at, transcript} (the base64 audio `data` stripped, as
  loggers do), content null;
- 10% text replies: a long message.content;
- 10% a logger's wrapper that puts its own timestamp, model and usage first and the whole response after them
  (so `usage` comes before a big `choices`, and a nested usage follows).
Transcripts and contents carry escaped quotes, newlines, non-ASCII text and \\u escapes.
Seeded: the same N gives the same file.
Usage: python3 benchmarks/generate-realistic-response-log.py 2000000 > /tmp/real.jsonl"""
import json
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000
rng = random.Random(7)
words = ("thanks for calling how can I help you today your order number is being looked up one moment "
         "please the refund was issued yesterday and should arrive within five business days is there anything "
         "else I can do for you sure let me transfer you to billing I understand that is frustrating "
         "caf\u00e9 na\u00efve se\u00f1or \u00fcber r\u00e9sum\u00e9 \u2014 \u201cquoted\u201d").split()
created = 1768467600
out = sys.stdout


def sentence(length):
    text = []
    size = 0
    while size < length:
        w = rng.choice(words)
        r = rng.random()
        if r < 0.03:
            w = '"' + w + '"'
        elif r < 0.05:
            w = w + "\n"
        elif r < 0.06:
            w = w + " \U0001F600"
        text.append(w)
        size += len(w) + 1
    return " ".join(text)


for i in range(n):
    audio_in, cached, text = rng.randint(100, 2999), rng.randint(0, 499), rng.randint(20, 799)
    audio_out, text_out = rng.randint(100, 3999), rng.randint(10, 299)
    created += rng.randint(0, 1)
    prompt, completion = audio_in + cached + text, audio_out + text_out
    kind = rng.random()
    usage = {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion,
             "prompt_tokens_details": {"cached_tokens": cached, "audio_tokens": audio_in},
             "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": audio_out,
                                           "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}}
    if kind < 0.8:  # 80% audio, 10% text, 10% wrapped
        message = {"role": "assistant", "content": None, "refusal": None, "annotations": [],
                   "audio": {"id": f"audio_{rng.getrandbits(64):016x}", "expires_at": created + 3600,
                             "transcript": sentence(rng.randint(100, 800))}}
    else:
        usage["completion_tokens_details"]["audio_tokens"] = 0
        message = {"role": "assistant", "content": sentence(rng.randint(200, 1500)), "refusal": None, "annotations": []}
    response = {"id": f"chatcmpl-{rng.getrandbits(96):024x}", "object": "chat.completion", "created": created,
                "model": "gpt-audio-mini-2025-12-15",
                "choices": [{"index": 0, "message": message, "logprobs": None, "finish_reason": "stop"}],
                "usage": usage, "service_tier": "default", "system_fingerprint": f"fp_{rng.getrandbits(40):010x}"}
    if kind >= 0.9:
        line = {"timestamp": created, "model": "gpt-audio-mini", "usage": usage, "response": response}
    else:
        line = response
    out.write(json.dumps(line, separators=(",", ":")))
    out.write("\n")
