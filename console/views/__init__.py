"""The console shell's pages: sign-in, home, models, applications and keys, users."""
