#!/usr/bin/env python3
"""Writes a response log (JSONL) of N Chat Completions responses with audio and cached usage, the same shape
as UsageReadBenchmarks' lines (~450 bytes each), for end-to-end timing of `planner price`.
Usage: python3 benchmarks/generate-response-log.py 1000000 > /tmp/big.jsonl"""
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
rng = random.Random(1)
created = 1768467600
out = sys.stdout
for i in range(n):
    audio_in, cached, text = rng.randint(100, 2999), rng.randint(0, 499), rng.randint(20, 799)
    audio_out, text_out = rng.randint(100, 3999), rng.randint(10, 299)
    created += rng.randint(0, 1)
    prompt, completion = audio_in + cached + text, audio_out + text_out
    out.write(f'{{"id":"chatcmpl-{i}","object":"chat.completion","created":{created},"model":"gpt-audio-mini-2025-12-15",'
              f'"choices":[{{"index":0,"message":{{"role":"assistant","content":null}},"finish_reason":"stop"}}],'
              f'"usage":{{"prompt_tokens":{prompt},"completion_tokens":{completion},"total_tokens":{prompt + completion},'
              f'"prompt_tokens_details":{{"cached_tokens":{cached},"audio_tokens":{audio_in}}},'
              f'"completion_tokens_details":{{"reasoning_tokens":0,"audio_tokens":{audio_out}}}}}}}\n')
