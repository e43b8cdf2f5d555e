"""The example notebooks execute from top to bottom (so they never rot)."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")


@pytest.mark.parametrize("name", ["quickstart.ipynb", "corpus.ipynb"])
def test_notebook_executes(name):
    nb = nbformat.read(EXAMPLES / name, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(EXAMPLES)}},
    )
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    if name == "quickstart.ipynb":
        html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
        assert any('class="cs-doc"' in h for h in html), "the HTML view was not displayed"
    else:
        assert any("image/png" in o.get("data", {}) for o in outputs), "no plot"
