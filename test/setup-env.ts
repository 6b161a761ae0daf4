// Runs in every test worker before the tests: a test environment that needs no keys.
process.env.NODE_ENV ??= "test";
process.env.NEXTAUTH_SECRET ??= "test-secret-that-is-long-enough-0123456789";
