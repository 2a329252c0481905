/**
 * Column transforms a route declares as steps ({@code columns:drop}, {@code columns:mask},
 * {@code columns:rename}): each rewrites the columns of the changes of some tables before the key and the message
 * are made, so what it drops or masks never reaches the broker, in any format. One small class per operation
 * ({@link io.cdcrelay.transform.ColumnRewrite}), one that applies any of them to a change and to the connector's
 * own value the Debezium format writes ({@link io.cdcrelay.transform.RewrittenChange}), and the Camel component
 * that reads a step's parameters ({@link io.cdcrelay.transform.ColumnsComponent}).
 */
package io.cdcrelay.transform;
