// The PostgreSQL project of jest.config.js: every test store, server and CLI run of this file uses PostgreSQL.
process.env.DRIJFVEER_TEST_BACKEND = 'postgres';
