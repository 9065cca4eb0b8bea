#!/usr/bin/env python3
"""Select the bundled price catalogue from LiteLLM's model_prices_and_context_window.json.

Not part of the build: run it by hand to refresh the catalogue, then review the diff.

    curl -sSfo /tmp/litellm-prices.json \
        https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json
    python3 agent-observability-core/src/catalog/select_model_prices.py /tmp/litellm-prices.json \
        --date 2026-08-01 \
        --out agent-observability-core/src/main/resources/dev/agentobs/cost/model-prices.json

--date is the day the LiteLLM file was taken from its repository: the catalogue's date, shown on
/actuator/agents. The output stays in LiteLLM's format (USD per token, LiteLLM's field names), with
only the fields the starter reads, plus one "catalogue_metadata" entry naming the source and date.
"""

import argparse
import datetime
import json
import re
import sys

SOURCE = "LiteLLM model_prices_and_context_window.json"
SOURCE_URL = "https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json"

# LiteLLM providers of the well-known gen_ai.provider.name values: openai, anthropic, gcp.gemini,
# gcp.vertex_ai (Gemini and Claude), aws.bedrock, azure.ai.openai, mistral_ai, deepseek, x_ai,
# groq, cohere.
PROVIDERS = {
    "openai", "anthropic", "gemini", "vertex_ai", "vertex_ai-language-models",
    "vertex_ai-anthropic_models", "bedrock", "bedrock_converse", "azure", "mistral", "deepseek",
    "xai", "groq", "cohere_chat",
}

# Models priced per token for text: chat, and OpenAI's responses-only models
MODES = {"chat", "responses"}

# Entries left out although their provider is in: other media, regional or committed-throughput
# variants, fine-tuning, and generations their providers have replaced.
EXCLUDED = [re.compile(p) for p in (
    # other media and special purposes, priced per token but not for text
    r"audio", r"realtime", r"tts", r"-live", r"image", r"search", r"computer-use", r"robotics",
    r"lyria", r"container", r"learnlm", r"gemma", r"-exp-", r"^gemini/gemini-exp", r"guard",
    r"safeguard", r"customtools", r"omni",
    # fine-tuning, regional and committed-throughput variants
    r"^ft:", r"^bedrock/", r"^azure/(eu|us|global|global-standard)/", r"^us-gov\.",
    # replaced generations
    r"gpt-3\.5", r"gpt-35", r"gpt-4-", r"gpt-4$", r"gpt-4\.5", r"o1-mini", r"o1-preview",
    r"claude-3-", r"claude-4-", r"claude-instant", r"claude-v\d", r"claude-2",
    r"gemini-1", r"gemini-2\.0", r"grok-2", r"grok-3", r"grok-beta", r"grok-vision", r"-beta$",
    r"^ai21\.", r"titan", r"llama2", r"llama3-", r"cohere\.command", r"^command-light",
    r"^command-r$", r"^command-r-plus$", r"mistral-7b", r"mixtral", r"mistral-large-240[27]",
    r"mistral-small-2402", r"mistral-tiny", r"mistral-medium-2312", r"^mistral/mistral-(medium|small)$",
    r"codestral-2405", r"codestral-mamba", r"pixtral-12b", r"open-mistral", r"voxtral",
    r"twelvelabs", r"gemma-7b",
    # other vendors' models on Bedrock beyond Anthropic, Amazon, Meta, Mistral, DeepSeek and OpenAI
    r"nemotron", r"palmyra", r"kimi", r"minimax", r"glm", r"qwen",
)]

# The fields the starter reads: prices of input, output, cached input (cache read), cache
# write and reasoning tokens, and their long-context tiers (above a number of input tokens).
PRICE_FIELD = re.compile(
    r"^(input_cost_per_token|output_cost_per_token|cache_read_input_token_cost"
    r"|cache_creation_input_token_cost|output_cost_per_reasoning_token|input_cost_per_token_cache_hit)"
    r"(_above_\d+k_tokens)?$")


def selected(name, entry, date):
    if not isinstance(entry, dict) or entry.get("litellm_provider") not in PROVIDERS:
        return False
    if entry.get("mode") not in MODES or "input_cost_per_token" not in entry:
        return False
    if entry.get("litellm_provider") == "vertex_ai" and not re.match(r"vertex_ai/(gemini|claude)", name):
        return False
    deprecation = entry.get("deprecation_date")
    if isinstance(deprecation, str) and deprecation < date:
        return False
    return not any(p.search(name) for p in EXCLUDED)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("litellm", help="LiteLLM's model_prices_and_context_window.json")
    parser.add_argument("--date", required=True, help="the day the file was taken, YYYY-MM-DD")
    parser.add_argument("--out", required=True, help="the catalogue to write")
    args = parser.parse_args()
    datetime.date.fromisoformat(args.date)
    with open(args.litellm, encoding="utf-8") as f:
        litellm = json.load(f)
    catalogue = {
        "catalogue_metadata": {
            "source": SOURCE,
            "url": SOURCE_URL,
            "date": args.date,
            "selection": "agent-observability-core/src/catalog/select_model_prices.py",
            "unit": "USD per token",
        }
    }
    for name in sorted(litellm):
        entry = litellm[name]
        if selected(name, entry, args.date):
            kept = {"litellm_provider": entry["litellm_provider"], "mode": entry["mode"]}
            kept.update((k, v) for k, v in sorted(entry.items()) if PRICE_FIELD.match(k))
            catalogue[name] = kept
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(catalogue, f, indent=4, ensure_ascii=False)
        f.write("\n")
    print(f"{len(catalogue) - 1} models written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
