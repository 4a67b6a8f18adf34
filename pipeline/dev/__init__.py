"""Development tools: scoring against gold answers (evaluate), the speed benchmark (bench) and the README's
generated parts (readme).

May import any room of pipeline below the command line."""
