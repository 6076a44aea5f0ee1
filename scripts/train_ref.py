#!/usr/bin/env python3
"""Independent PyTorch reference for sqlforge's trainer (feature `train`).

Written from the HF Llama/Qwen2 definitions, not from the Rust code: it reads
a model folder (config.json + model.safetensors, parsed here by hand) and

  logits --model DIR --ids 1,2,3[;4,5,6]   prints {"logits": [[[...]]]} as JSON
  bench  --model DIR --batches FILE        runs an eager training loop (AdamW
         betas 0.9/0.95, clip 1.0) over the batches tensor [steps, B, T+1]
         and prints {"tokens_per_s", "losses"}

Attention is written out (softmax(QK^T/sqrt(d)) with a causal mask) for
`logits`; `bench` uses F.scaled_dot_product_attention as HF's default does.
"""
import argparse
import json
import math
import os
import struct
import sys
import time

import torch
import torch.nn.functional as F

DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16,
          "F64": torch.float64, "I64": torch.int64, "I32": torch.int32}


def read_safetensors(path):
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, e in header.items():
        if name == "__metadata__":
            continue
        start, end = e["data_offsets"]
        buf = bytearray(data[start:end])
        t = torch.frombuffer(buf, dtype=DTYPES[e["dtype"]]) if buf else torch.empty(0, dtype=DTYPES[e["dtype"]])
        out[name] = t.reshape(e["shape"]).clone()
    return out


class Ref(torch.nn.Module):
    def __init__(self, cfg, w, sdpa):
        super().__init__()
        self.cfg = cfg
        self.sdpa = sdpa
        self.w = torch.nn.ParameterDict({k.replace(".", "__"): torch.nn.Parameter(v.float()) for k, v in w.items()})

    def p(self, name):
        key = name.replace(".", "__")
        return self.w[key] if key in self.w else None

    def norm(self, x, weight):
        var = x.float().pow(2).mean(-1, keepdim=True)
        return weight * (x.float() * torch.rsqrt(var + self.cfg.get("rms_norm_eps", 1e-6)))

    def lin(self, x, name):
        return F.linear(x, self.p(name + ".weight"), self.p(name + ".bias"))

    def forward(self, ids):
        cfg = self.cfg
        b, t = ids.shape
        nh = cfg["num_attention_heads"]
        nkv = cfg.get("num_key_value_heads") or nh
        d = cfg.get("head_dim") or cfg["hidden_size"] // nh
        theta = cfg.get("rope_theta", 10000.0)
        factor = (cfg.get("rope_scaling") or {}).get("factor", 1.0)
        inv = 1.0 / (theta ** (torch.arange(0, d, 2, dtype=torch.float32) / d))
        pos = torch.arange(t, dtype=torch.float32) / factor
        ang = torch.outer(pos, inv)
        cos = torch.cat([ang, ang], -1).cos()
        sin = torch.cat([ang, ang], -1).sin()

        def rope(x):
            x1, x2 = x[..., : d // 2], x[..., d // 2:]
            return x * cos + torch.cat([-x2, x1], -1) * sin

        x = self.p("model.embed_tokens.weight")[ids]
        causal = torch.full((t, t), float("-inf")).triu(1)
        for i in range(cfg["num_hidden_layers"]):
            pre = f"model.layers.{i}"
            h = self.norm(x, self.p(pre + ".input_layernorm.weight"))
            q = self.lin(h, pre + ".self_attn.q_proj").view(b, t, nh, d).transpose(1, 2)
            k = self.lin(h, pre + ".self_attn.k_proj").view(b, t, nkv, d).transpose(1, 2)
            v = self.lin(h, pre + ".self_attn.v_proj").view(b, t, nkv, d).transpose(1, 2)
            q, k = rope(q), rope(k)
            k = k.repeat_interleave(nh // nkv, dim=1)
            v = v.repeat_interleave(nh // nkv, dim=1)
            if self.sdpa:
                a = F.scaled_dot_product_attention(q, k, v, is_causal=True)
            else:
                scores = q @ k.transpose(-1, -2) / math.sqrt(d) + causal
                a = scores.softmax(-1) @ v
            a = a.transpose(1, 2).reshape(b, t, nh * d)
            x = x + self.lin(a, pre + ".self_attn.o_proj")
            h = self.norm(x, self.p(pre + ".post_attention_layernorm.weight"))
            g = self.lin(h, pre + ".mlp.gate_proj")
            u = self.lin(h, pre + ".mlp.up_proj")
            x = x + self.lin(F.silu(g) * u, pre + ".mlp.down_proj")
        x = self.norm(x, self.p("model.norm.weight"))
        head = self.p("model.embed_tokens.weight") if cfg.get("tie_word_embeddings") else self.p("lm_head.weight")
        return x @ head.t()


def load(model_dir, sdpa):
    with open(os.path.join(model_dir, "config.json")) as f:
        cfg = json.load(f)
    w = read_safetensors(os.path.join(model_dir, "model.safetensors"))
    return Ref(cfg, w, sdpa)


def cmd_logits(a):
    m = load(a.model, sdpa=False)
    rows = [[int(x) for x in r.split(",")] for r in a.ids.split(";")]
    with torch.no_grad():
        logits = m(torch.tensor(rows, dtype=torch.int64))
    json.dump({"logits": logits.tolist()}, sys.stdout)


def cmd_bench(a):
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    m = load(a.model, sdpa=True)
    batches = read_safetensors(a.batches)["batches"]
    opt = torch.optim.AdamW(m.parameters(), lr=a.lr, betas=(0.9, 0.95), eps=1e-8, weight_decay=0.0)
    losses = []
    started = time.perf_counter()
    for i in range(batches.shape[0]):
        if i == a.warmup:
            started = time.perf_counter()
        ids = batches[i]
        logits = m(ids[:, :-1])
        loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]).float(), ids[:, 1:].reshape(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(m.parameters(), 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
        losses.append(loss.item())
    secs = time.perf_counter() - started
    b, t1 = batches.shape[1], batches.shape[2]
    tokens = (batches.shape[0] - a.warmup) * b * (t1 - 1)
    json.dump({"tokens_per_s": tokens / secs, "losses": losses, "threads": torch.get_num_threads()}, sys.stdout)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    lg = sub.add_parser("logits")
    lg.add_argument("--model", required=True)
    lg.add_argument("--ids", required=True)
    bn = sub.add_parser("bench")
    bn.add_argument("--model", required=True)
    bn.add_argument("--batches", required=True)
    bn.add_argument("--warmup", type=int, default=2)
    bn.add_argument("--threads", type=int, default=torch.get_num_threads())
    bn.add_argument("--lr", type=float, default=1e-4)
    a = ap.parse_args()
    {"logits": cmd_logits, "bench": cmd_bench}[a.cmd](a)


if __name__ == "__main__":
    main()
