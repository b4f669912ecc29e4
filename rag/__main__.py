from .cli import main

if __name__ == "__main__":  # worker processes (spawned) import this module too, and must not run the command
    raise SystemExit(main())
