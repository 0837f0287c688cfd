"""一口一策 (remediation plan per outfall) on the laptop: the plan dialog opened from the ledger's
监管 menu or the detail pane, the overdue marker of the ledger and the detail pane's plan section.
Own translation catalog ``plans``."""
