"""A sentence-transformers model folder, as far as the ONNX export checks it (no real weights)."""

from __future__ import annotations

import json
from pathlib import Path

MEAN_POOLING = {"pooling_mode_mean_tokens": True}


def model_folder(tmp_path: Path, pooling: dict = MEAN_POOLING, weights: bytes | None = None) -> Path:
    """``tmp_path/model`` with modules.json, a pooling config, max_seq_length 200, and a
    weights file when ``weights`` is given."""
    folder = tmp_path / "model"
    (folder / "1_Pooling").mkdir(parents=True)
    (folder / "modules.json").write_text(json.dumps([
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize",
         "type": "sentence_transformers.models.Normalize"},
    ]))
    (folder / "1_Pooling" / "config.json").write_text(json.dumps(pooling))
    (folder / "sentence_bert_config.json").write_text(json.dumps({"max_seq_length": 200}))
    if weights is not None:
        (folder / "model.safetensors").write_bytes(weights)
    return folder
