"""Everything that talks to the terminal: consoles, prompts and renderers."""
