-- Runs once, when the MySQL container initialises an empty data directory.

-- The relay's user: exactly the privileges the README asks for. SELECT for the snapshot and the key and
-- column lookups, RELOAD for the snapshot's FLUSH, SHOW DATABASES to see the databases, REPLICATION SLAVE
-- to read the binlog, REPLICATION CLIENT to ask for the binlog position.
CREATE USER 'relay'@'%' IDENTIFIED BY 'relay-secret';
GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'relay'@'%';

-- A small demo database, shaped like the embedded demo's: orders keyed by a primary key, customers keyed
-- only by a unique key.
CREATE DATABASE shop;
USE shop;

CREATE TABLE customers (
  email VARCHAR(120) NOT NULL,
  name VARCHAR(80),
  city VARCHAR(60),
  UNIQUE KEY uk_email (email));

CREATE TABLE orders (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  customer_email VARCHAR(120) NOT NULL,
  amount DECIMAL(10,2) NOT NULL,
  status ENUM('new','paid','shipped','cancelled') NOT NULL,
  created_at DATETIME(3) NOT NULL,
  updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  note TEXT);

INSERT INTO customers VALUES
  ('ada@example.com', 'Ada', 'London'),
  ('grace@example.com', 'Grace', 'New York'),
  ('linus@example.com', 'Linus', 'Helsinki');

INSERT INTO orders (customer_email, amount, status, created_at) VALUES
  ('ada@example.com', 12.50, 'new', NOW(3)),
  ('grace@example.com', 99.00, 'paid', NOW(3)),
  ('linus@example.com', 7.25, 'shipped', NOW(3));
