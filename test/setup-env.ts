// Runs in every test worker before the tests: a configuration that needs no keys.
process.env.NEXTAUTH_SECRET ??= "test-secret-that-is-long-enough-0123456789";
