/**
 * The one-call Java API: {@link org.saepj.api.Saep#classifier()} and {@link org.saepj.api.Saep#regressor()} configure
 * a search with the command line's defaults, {@code fit} runs it on arrays in memory or on a data source, and the
 * {@link org.saepj.api.SaepClassifier} or {@link org.saepj.api.SaepRegressor} it returns predicts (classes and
 * probabilities, or values and the members' spread), evaluates, saves (the saved-ensemble format {@code saep predict}
 * reads), loads and exports to ONNX. Everything it does goes through the same search, saving and export code as
 * {@code saep search}; the packages below it ({@code org.saepj.search}, {@code org.saepj.run},
 * {@code org.saepj.persistence}) remain the way to finer control.
 */
package org.saepj.api;
