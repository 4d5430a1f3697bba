# Writes public tables that R and its Debian packages ship as the CSV files their users write: R's write.csv with
# its defaults (text quoted, gaps as NA, logicals as TRUE/FALSE), the row names left out, or kept where they name
# the rows (mtcars: write.csv(mtcars) as is, a first column with an empty header).
#   apt-get install r-base-core r-cran-mass r-cran-mlbench r-cran-palmerpenguins
#   Rscript scripts/public_tables.R OUT_DIR
out <- commandArgs(trailingOnly = TRUE)[1]
dir.create(out, showWarnings = FALSE, recursive = TRUE)
put <- function(name, frame, row.names = FALSE) {
  write.csv(frame, file.path(out, paste0(name, ".csv")), row.names = row.names)
}
data(list = c("HouseVotes84", "BreastCancer", "Soybean", "PimaIndiansDiabetes2", "LetterRecognition", "Satellite",
               "Vehicle", "Glass", "Sonar", "Ionosphere"), package = "mlbench")
put("iris", datasets::iris)
put("penguins", palmerpenguins::penguins)
put("house_votes_84", HouseVotes84)
put("breast_cancer_wisconsin", BreastCancer)
put("soybean", Soybean)
put("pima_diabetes2", PimaIndiansDiabetes2)
put("infert", datasets::infert)
put("survey", MASS::survey)
put("letters", LetterRecognition)
put("satellite", Satellite)
put("vehicle", Vehicle)
put("glass", Glass)
put("sonar", Sonar)
put("ionosphere", Ionosphere)
put("airquality", datasets::airquality)
put("warpbreaks", datasets::warpbreaks)
put("co2_plants", as.data.frame(datasets::CO2))
put("mtcars", datasets::mtcars, row.names = TRUE)
