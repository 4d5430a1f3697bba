/**
 * Tables as users have them: column types inferred from the training file (numeric, boolean, categorical), gaps,
 * text cells, ignored columns and delimiters, read into the float rows the preprocessing steps impute and encode.
 */
package org.saepj.data.table;
